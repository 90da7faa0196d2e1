import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  renderCheck
} from "./cli-chunk-AB2PSG5D.js";
import {
  check
} from "./cli-chunk-WAVJQMDE.js";
import "./cli-chunk-ZO6FJWSE.js";
import "./cli-chunk-6DAJ73T2.js";
import "./cli-chunk-VC7MC4D5.js";
import "./cli-chunk-KCOEQV5R.js";
import {
  positiveInteger
} from "./cli-chunk-JNZXACOZ.js";
import "./cli-chunk-B5HZJEPR.js";
import "./cli-chunk-VKGU47PA.js";
import "./cli-chunk-6LSYP2EM.js";
import "./cli-chunk-GTTAVXJX.js";
import "./cli-chunk-LYYP2P6J.js";
import "./cli-chunk-OAF56O2S.js";
import "./cli-chunk-NMVSHCH7.js";
import "./cli-chunk-URTADOYK.js";
import "./cli-chunk-EZVL4DJA.js";
import "./cli-chunk-RERG4CY6.js";
import "./cli-chunk-FJEWTDBN.js";

// src/cli/run/check.ts
async function run(cli, base, head, o) {
  const outcome = await check(await cli.context(), {
    base,
    head,
    pullNumber: o.pull === void 0 ? void 0 : positiveInteger(o.pull, "--pull")
  });
  cli.emit(outcome, renderCheck);
  if (!outcome.passed) cli.setExit(1);
}
export {
  run
};
