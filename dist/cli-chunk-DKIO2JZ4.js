import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);

// src/commands/import-batch.ts
var DEFAULT_BATCH = 1e3;

export {
  DEFAULT_BATCH
};
