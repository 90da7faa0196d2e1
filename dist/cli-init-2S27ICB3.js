import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  init
} from "./cli-chunk-JORECN2L.js";
import {
  renderInit
} from "./cli-chunk-JXDXVPDM.js";
import "./cli-chunk-TZFTDHNG.js";
import "./cli-chunk-6LSYP2EM.js";
import "./cli-chunk-NCQXE2WX.js";
import "./cli-chunk-FJL5TYMF.js";
import "./cli-chunk-NMVSHCH7.js";
import "./cli-chunk-TPXH7SUW.js";
import "./cli-chunk-NRZ3EPD3.js";
import "./cli-chunk-VHUSGLFD.js";
import "./cli-chunk-WXNRKKY2.js";

// src/cli/run/init.ts
async function run(cli) {
  cli.emit(await init(await cli.context(true), cli.githubMode() ? "github-release" : "local"), renderInit);
}
export {
  run
};
