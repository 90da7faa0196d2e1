import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);

// src/cli/exit-codes.ts
var EXIT_UNCHANGED = 4;
var EXIT_READER_GONE = 141;

export {
  EXIT_UNCHANGED,
  EXIT_READER_GONE
};
