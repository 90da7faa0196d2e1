import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  validateRegistryFile
} from "./cli-chunk-BZBUOFLC.js";

// src/commands/update-registry.ts
function updateRegistry(ctx, build) {
  return ctx.backend.update(async (snapshot) => {
    const built = await build(snapshot);
    for (const file of built.change?.files ?? []) {
      if (file.content !== null) validateRegistryFile(file.path, file.content);
    }
    return built;
  });
}

export {
  updateRegistry
};
