import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  renderVersion
} from "./cli-chunk-PPDLJNA7.js";
import {
  showVersion
} from "./cli-chunk-5GLW3LZB.js";
import "./cli-chunk-TZFTDHNG.js";
import "./cli-chunk-KHQVBMNE.js";
import "./cli-chunk-UXTHZPF7.js";
import "./cli-chunk-RQQIPJBH.js";
import "./cli-chunk-6LSYP2EM.js";
import "./cli-chunk-NCQXE2WX.js";
import "./cli-chunk-FJL5TYMF.js";
import "./cli-chunk-NMVSHCH7.js";
import "./cli-chunk-QINJBCE2.js";
import "./cli-chunk-TPXH7SUW.js";
import "./cli-chunk-NRZ3EPD3.js";
import "./cli-chunk-VHUSGLFD.js";
import "./cli-chunk-WXNRKKY2.js";

// src/cli/run/show.ts
async function run(cli, reference) {
  const ctx = await cli.context();
  cli.emit(await showVersion(ctx, reference), (v) => renderVersion(v, ctx.now()));
}
export {
  run
};
