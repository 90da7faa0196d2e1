import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  cleanup
} from "./cli-chunk-OPOUWUD4.js";
import {
  nonNegativeNumber,
  positiveInteger
} from "./cli-chunk-FK236CVL.js";
import "./cli-chunk-ODUTP5J6.js";
import "./cli-chunk-CTHGCPXA.js";
import "./cli-chunk-GGVWWMIJ.js";
import {
  renderCleanup
} from "./cli-chunk-JXDXVPDM.js";
import "./cli-chunk-VF7KWAZ3.js";
import "./cli-chunk-MVR2ZMI5.js";
import "./cli-chunk-IFZ7CLCE.js";
import "./cli-chunk-JEUBDBLZ.js";
import "./cli-chunk-MB6ER4TW.js";
import "./cli-chunk-B6Z2EQO6.js";
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
