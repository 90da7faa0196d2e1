import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  promote,
  renderPromotion
} from "./cli-chunk-HNMX5YMF.js";
import "./cli-chunk-USGPISQJ.js";
import {
  either
} from "./cli-chunk-7ROMD3FF.js";
import "./cli-chunk-RXOADDI2.js";
import "./cli-chunk-ODUTP5J6.js";
import "./cli-chunk-OLF3ZM3S.js";
import "./cli-chunk-AXKDXKZX.js";
import "./cli-chunk-7BOAOEDD.js";
import "./cli-chunk-KBO4IHSY.js";
import "./cli-chunk-2WUV2RVW.js";
import "./cli-chunk-4O472LWZ.js";
import "./cli-chunk-VF7KWAZ3.js";
import "./cli-chunk-MVR2ZMI5.js";
import "./cli-chunk-IFZ7CLCE.js";
import "./cli-chunk-JEUBDBLZ.js";
import "./cli-chunk-MB6ER4TW.js";
import "./cli-chunk-B6Z2EQO6.js";
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
import {
  invalidInput
} from "./cli-chunk-VHUSGLFD.js";
import "./cli-chunk-WXNRKKY2.js";

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
