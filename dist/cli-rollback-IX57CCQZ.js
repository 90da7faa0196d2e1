import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  promote,
  renderPromotion
} from "./cli-chunk-HNMX5YMF.js";
import "./cli-chunk-USGPISQJ.js";
import "./cli-chunk-OLF3ZM3S.js";
import {
  ROLLBACK_VIA
} from "./cli-chunk-AXKDXKZX.js";
import "./cli-chunk-7BOAOEDD.js";
import "./cli-chunk-KBO4IHSY.js";
import "./cli-chunk-2WUV2RVW.js";
import {
  previousHolder
} from "./cli-chunk-JGKRXGLB.js";
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
import {
  formatReference
} from "./cli-chunk-NCQXE2WX.js";
import "./cli-chunk-FJL5TYMF.js";
import "./cli-chunk-NMVSHCH7.js";
import "./cli-chunk-QINJBCE2.js";
import {
  parseName,
  parseStage
} from "./cli-chunk-TPXH7SUW.js";
import "./cli-chunk-NRZ3EPD3.js";
import {
  notFound
} from "./cli-chunk-VHUSGLFD.js";
import "./cli-chunk-WXNRKKY2.js";

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
