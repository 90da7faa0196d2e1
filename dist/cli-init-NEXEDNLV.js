import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  init,
  initialisingOnFirstWrite
} from "./cli-chunk-DSAPFXCF.js";
import "./cli-chunk-RERG4CY6.js";
import "./cli-chunk-FJEWTDBN.js";
export {
  init,
  initialisingOnFirstWrite
};
