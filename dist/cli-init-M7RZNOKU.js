import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  init,
  initialisingOnFirstWrite
} from "./cli-chunk-JORECN2L.js";
import "./cli-chunk-NRZ3EPD3.js";
import "./cli-chunk-VHUSGLFD.js";
import "./cli-chunk-WXNRKKY2.js";
export {
  init,
  initialisingOnFirstWrite
};
