import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  resolve
} from "./cli-chunk-KHQVBMNE.js";

// src/commands/show.ts
async function showVersion(ctx, reference) {
  return (await resolve(await ctx.backend.snapshot(), reference)).version;
}

export {
  showVersion
};
