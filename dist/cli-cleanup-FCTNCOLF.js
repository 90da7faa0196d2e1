import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  cleanup
} from "./cli-chunk-OUMYYOHU.js";
import {
  nonNegativeNumber,
  positiveInteger
} from "./cli-chunk-JNZXACOZ.js";
import "./cli-chunk-B5HZJEPR.js";
import "./cli-chunk-REM47LSG.js";
import "./cli-chunk-YNXS7RWP.js";
import {
  renderCleanup
} from "./cli-chunk-AKSDASYJ.js";
import "./cli-chunk-QK4DS6HV.js";
import "./cli-chunk-FG5UR56B.js";
import "./cli-chunk-QQ26CMEV.js";
import "./cli-chunk-QAZGXSI2.js";
import "./cli-chunk-MB6ER4TW.js";
import "./cli-chunk-VKGU47PA.js";
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
