import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  promote,
  renderPromotion
} from "./cli-chunk-XRCQPD4F.js";
import "./cli-chunk-GVOHZGSC.js";
import {
  either
} from "./cli-chunk-OGPI5QXA.js";
import "./cli-chunk-DEC457ZE.js";
import "./cli-chunk-BHRO3VXU.js";
import "./cli-chunk-6DAJ73T2.js";
import "./cli-chunk-PUGEVXLF.js";
import "./cli-chunk-NHAMYWGO.js";
import "./cli-chunk-LWE67V75.js";
import "./cli-chunk-B5HZJEPR.js";
import "./cli-chunk-5JN4DFGX.js";
import "./cli-chunk-JRNWNYUD.js";
import "./cli-chunk-FCPYDWBP.js";
import "./cli-chunk-4QTN7ZEK.js";
import "./cli-chunk-BZBUOFLC.js";
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
import {
  invalidInput
} from "./cli-chunk-FJEWTDBN.js";

// src/cli/run/promote.ts
async function run(cli, reference, o) {
  const to = either(o, "to", "stage");
  if (to === void 0)
    throw invalidInput("required option '--to <stage>' not specified (or --stage)", { field: "to" });
  cli.emitPromotion(await promote(await cli.context(), { reference, to }), renderPromotion);
}
export {
  run
};
