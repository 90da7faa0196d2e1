import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  init
} from "./cli-chunk-DSAPFXCF.js";
import {
  renderInit
} from "./cli-chunk-AKSDASYJ.js";
import "./cli-chunk-6MTFEYDG.js";
import "./cli-chunk-6LSYP2EM.js";
import "./cli-chunk-LYYP2P6J.js";
import "./cli-chunk-OAF56O2S.js";
import "./cli-chunk-NMVSHCH7.js";
import "./cli-chunk-EZVL4DJA.js";
import "./cli-chunk-RERG4CY6.js";
import "./cli-chunk-FJEWTDBN.js";

// src/cli/run/init.ts
async function run(cli) {
  cli.emit(await init(await cli.context(true), cli.githubMode() ? "github-release" : "local"), renderInit);
}
export {
  run
};
