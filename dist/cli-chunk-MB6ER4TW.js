import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);

// src/registry/backend.ts
var DeferredDocument = class {
  constructor(produce) {
    this.produce = produce;
  }
  produce;
};
async function documentValue(content) {
  return content instanceof DeferredDocument ? content.produce() : content;
}

export {
  DeferredDocument,
  documentValue
};
