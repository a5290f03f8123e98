/**
 * The cdktf app of the example estate: `npx cdktf synth` (or `npm run synth`) synthesizes every
 * stack into cdktf.out/ offline; `npm start` does the same and checks and summarizes it.
 */
import { App } from '../constructs/engine';
import { defineEstate } from './estate';

const app = new App();
defineEstate(app);
app.synth();
