import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  renderCheck
} from "./cli-chunk-AB2PSG5D.js";
import {
  check
} from "./cli-chunk-USGPISQJ.js";
import {
  positiveInteger
} from "./cli-chunk-FK236CVL.js";
import "./cli-chunk-ODUTP5J6.js";
import "./cli-chunk-OLF3ZM3S.js";
import "./cli-chunk-AXKDXKZX.js";
import "./cli-chunk-7BOAOEDD.js";
import "./cli-chunk-4O472LWZ.js";
import "./cli-chunk-B6Z2EQO6.js";
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
