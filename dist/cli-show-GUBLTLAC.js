import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  renderVersion
} from "./cli-chunk-252TM7Q4.js";
import {
  showVersion
} from "./cli-chunk-TPOW7GCX.js";
import "./cli-chunk-6MTFEYDG.js";
import "./cli-chunk-VH6PMXUX.js";
import "./cli-chunk-6YZVHZAI.js";
import "./cli-chunk-6LSYP2EM.js";
import "./cli-chunk-GTTAVXJX.js";
import "./cli-chunk-LYYP2P6J.js";
import "./cli-chunk-OAF56O2S.js";
import "./cli-chunk-NMVSHCH7.js";
import "./cli-chunk-URTADOYK.js";
import "./cli-chunk-EZVL4DJA.js";
import "./cli-chunk-RERG4CY6.js";
import "./cli-chunk-FJEWTDBN.js";

// src/cli/run/show.ts
async function run(cli, reference) {
  const ctx = await cli.context();
  cli.emit(await showVersion(ctx, reference), (v) => renderVersion(v, ctx.now()));
}
export {
  run
};
