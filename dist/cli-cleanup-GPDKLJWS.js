import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  cleanup
} from "./cli-chunk-FUCO3FCD.js";
import {
  nonNegativeNumber,
  positiveInteger
} from "./cli-chunk-JNZXACOZ.js";
import "./cli-chunk-B5HZJEPR.js";
import "./cli-chunk-73ORLGY7.js";
import "./cli-chunk-ZFMZ53GX.js";
import {
  renderCleanup
} from "./cli-chunk-AKSDASYJ.js";
import "./cli-chunk-5JN4DFGX.js";
import "./cli-chunk-JRNWNYUD.js";
import "./cli-chunk-FCPYDWBP.js";
import "./cli-chunk-4QTN7ZEK.js";
import "./cli-chunk-BZBUOFLC.js";
import "./cli-chunk-6MTFEYDG.js";
import "./cli-chunk-7LP3GKBL.js";
import "./cli-chunk-ZGVWCIER.js";
import "./cli-chunk-6LSYP2EM.js";
import "./cli-chunk-GTTAVXJX.js";
import "./cli-chunk-LYYP2P6J.js";
import "./cli-chunk-OAF56O2S.js";
import "./cli-chunk-NMVSHCH7.js";
import "./cli-chunk-ZQPA23YM.js";
import "./cli-chunk-EZVL4DJA.js";
import "./cli-chunk-RERG4CY6.js";
import "./cli-chunk-FJEWTDBN.js";

// src/cli/run/cleanup.ts
async function run(cli, o) {
  const input = {
    keepLast: o.keepLast === void 0 ? void 0 : positiveInteger(o.keepLast, "--keep-last"),
    minAgeDays: o.minAgeDays === void 0 ? void 0 : nonNegativeNumber(o.minAgeDays, "--min-age-days"),
    dryRun: o.dryRun
  };
  const outcome = o.dryRun ? await cleanup(await cli.context(), input) : await cli.firstWrite((ctx) => cleanup(ctx, input));
  cli.emit(outcome, renderCleanup);
}
export {
  run
};
