import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  defaultPolicy
} from "./cli-chunk-NRZ3EPD3.js";
import {
  isRegistryError
} from "./cli-chunk-VHUSGLFD.js";

// src/commands/init.ts
async function init(ctx, store = "local") {
  const { created, commit } = await ctx.backend.init(defaultPolicy(store));
  const { policy } = await ctx.backend.snapshotAt(commit);
  return { created, commit, policy, registry: ctx.backend.description };
}
async function initialisingOnFirstWrite(ctx, store, write) {
  try {
    return await write();
  } catch (error) {
    if (!isRegistryError(error) || error.kind !== "not-initialised") throw error;
  }
  const { created } = await ctx.backend.init(defaultPolicy(store));
  if (created)
    ctx.notice?.(
      `created the registry branch "${ctx.backend.branch}" with the default policy (registry.json): ${ctx.backend.description}`
    );
  return write();
}

export {
  init,
  initialisingOnFirstWrite
};
