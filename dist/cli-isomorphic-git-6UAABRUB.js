import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  require_isomorphic_git
} from "./cli-chunk-JR5L6DRW.js";
import "./cli-chunk-WXNRKKY2.js";
export default require_isomorphic_git();
