#!/usr/bin/env node
// Launcher for the compiled CLI (in the package as published; in a clone, built by `npm run build`).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'cli', 'program.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('signoz-alerts: the CLI is not built yet; run `npm run build` in ' + path.resolve(__dirname, '..') + '\n');
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
