import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  promote,
  renderPromotion
} from "./cli-chunk-KBXTAYNI.js";
import "./cli-chunk-WAVJQMDE.js";
import "./cli-chunk-ZO6FJWSE.js";
import {
  ROLLBACK_VIA
} from "./cli-chunk-6DAJ73T2.js";
import "./cli-chunk-VC7MC4D5.js";
import "./cli-chunk-PUGEVXLF.js";
import "./cli-chunk-NHAMYWGO.js";
import {
  previousHolder
} from "./cli-chunk-BZNRXEVC.js";
import "./cli-chunk-KCOEQV5R.js";
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
import {
  formatReference
} from "./cli-chunk-LYYP2P6J.js";
import "./cli-chunk-OAF56O2S.js";
import "./cli-chunk-NMVSHCH7.js";
import "./cli-chunk-URTADOYK.js";
import {
  parseName,
  parseStage
} from "./cli-chunk-EZVL4DJA.js";
import "./cli-chunk-RERG4CY6.js";
import {
  notFound
} from "./cli-chunk-FJEWTDBN.js";

// src/commands/rollback.ts
async function rollback(ctx, input) {
  const name = parseName(input.name);
  const snapshot = await ctx.backend.snapshot();
  const stage = parseStage(snapshot.policy, input.stage);
  const index = await snapshot.readIndex(name);
  if (!index)
    throw notFound((w) => `no model named "${name}"; ${w.command("list")} shows the registered models`, {
      field: "name",
      value: name,
      reason: "no-such-model"
    });
  const current = index.stages[stage]?.[0];
  if (current === void 0) throw notFound(`nothing holds ${name}@${stage}: there is nothing to roll back`);
  const previous = previousHolder(index.versions, stage, current);
  if (!previous)
    throw notFound(`no version of ${name} held ${stage} before ${name}@${current}: nothing to roll back to`);
  return promote(ctx, {
    reference: formatReference(previous),
    to: stage,
    via: ROLLBACK_VIA,
    skipTransitionCheck: true
  });
}

// src/cli/run/rollback.ts
async function run(cli, name, o) {
  cli.emitPromotion(await rollback(await cli.context(), { name, stage: o.stage }), renderPromotion);
}
export {
  run
};
