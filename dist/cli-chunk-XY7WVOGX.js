import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  compareModels
} from "./cli-chunk-2WUV2RVW.js";
import {
  resolve
} from "./cli-chunk-KHQVBMNE.js";
import {
  invalidInput
} from "./cli-chunk-VHUSGLFD.js";

// src/commands/compare.ts
async function compare(ctx, references) {
  if (references.length < 2)
    throw invalidInput(
      (w) => `compare needs at least two versions in ${w.field("reference")}, e.g. m@1.0.0 and m@1.1.0`,
      { field: "reference", value: references.length, reason: "fewer-than-two" }
    );
  const snapshot = await ctx.backend.snapshot();
  const versions = await Promise.all(
    references.map(async (reference) => (await resolve(snapshot, reference)).version)
  );
  return { versions, comparison: compareModels(versions, snapshot.policy) };
}

export {
  compare
};
