import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  promote,
  renderPromotion
} from "./cli-chunk-KBXTAYNI.js";
import "./cli-chunk-WAVJQMDE.js";
import {
  either
} from "./cli-chunk-OGPI5QXA.js";
import "./cli-chunk-DEC457ZE.js";
import "./cli-chunk-ZO6FJWSE.js";
import "./cli-chunk-6DAJ73T2.js";
import "./cli-chunk-VC7MC4D5.js";
import "./cli-chunk-PUGEVXLF.js";
import "./cli-chunk-NHAMYWGO.js";
import "./cli-chunk-KCOEQV5R.js";
import "./cli-chunk-B5HZJEPR.js";
import "./cli-chunk-QK4DS6HV.js";
import "./cli-chunk-FG5UR56B.js";
import "./cli-chunk-QQ26CMEV.js";
import "./cli-chunk-QAZGXSI2.js";
import "./cli-chunk-MB6ER4TW.js";
import "./cli-chunk-VKGU47PA.js";
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
