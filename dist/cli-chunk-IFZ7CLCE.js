import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  DeferredDocument
} from "./cli-chunk-MB6ER4TW.js";
import {
  validateRegistryFile
} from "./cli-chunk-B6Z2EQO6.js";

// src/commands/update-registry.ts
function updateRegistry(ctx, build) {
  return ctx.backend.update(async (snapshot) => {
    const built = await build(snapshot);
    for (const file of built.change?.files ?? []) {
      if (file.content !== null && !(file.content instanceof DeferredDocument)) {
        validateRegistryFile(file.path, file.content);
      }
    }
    return built;
  });
}
function deferredDocument(path, produce) {
  return new DeferredDocument(async () => {
    const content = await produce();
    validateRegistryFile(path, content);
    return content;
  });
}

export {
  updateRegistry,
  deferredDocument
};
