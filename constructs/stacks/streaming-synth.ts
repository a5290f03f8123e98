/**
 * A stack's `cdk.tf.json` written a chunk at a time. cdktf turns the stack's whole document into
 * one string (`json-stable-stringify`, which also builds a full-size string at each level on the
 * way up) before writing it: for 10,000 alerts about 90 MB per stack that only a full garbage
 * collection gives back, so the peak grows with every stack. Here cdktf's synthesizer runs as
 * before (aspects, validations, custom synthesis, annotations, manifest) but writes a placeholder,
 * and the stack's document is then written to the same file, byte for byte what cdktf writes,
 * by {@link writeStableJsonFile}.
 */
import * as path from 'node:path';
import type { ISynthesisSession, TerraformStack } from '../engine';
import { writeStableJsonFile } from '../util/stable-json-writer';

/**
 * cdktf calls a construct's custom synthesis (this symbol, global) after the stack's validations and
 * right before it collects annotations and writes the stack: on the stack itself, last of all.
 */
const CUSTOM_SYNTHESIS = Symbol.for('cdktf/customSynthesis');

const streaming = new WeakSet<TerraformStack>();

/** Makes `stack`'s synth write its JSON file in chunks (idempotent; every stack with toolkit resources gets it). */
export function streamStackOutput(stack: TerraformStack): void {
  if (streaming.has(stack) || CUSTOM_SYNTHESIS in stack) return;
  streaming.add(stack);
  // Armed by the stack's custom synthesis, so only the writer's call gets the placeholder: validations and tests calling toTerraform get the document.
  let armed = false;
  let written = false;
  Object.defineProperty(stack, CUSTOM_SYNTHESIS, {
    value: {
      onSynthesize: () => {
        armed = true;
      },
    },
    enumerable: false,
  });
  const toTerraform = stack.toTerraform.bind(stack);
  stack.toTerraform = (): Record<string, unknown> => {
    if (!armed) return toTerraform() as Record<string, unknown>;
    armed = false;
    written = true;
    return {};
  };
  const synthesizer = stack.synthesizer;
  stack.synthesizer = {
    synthesize(session: ISynthesisSession): void {
      armed = false;
      written = false;
      try {
        synthesizer.synthesize(session);
      } finally {
        armed = false;
      }
      // Only when cdktf took the JSON path (HCL output writes something else) and wrote the placeholder.
      if (!written) return;
      written = false;
      const file = path.join(session.outdir, session.manifest.forStack(stack).synthesizedStackPath);
      writeStableJsonFile(file, toTerraform());
    },
  };
}
