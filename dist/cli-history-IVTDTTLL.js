import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  history
} from "./cli-chunk-4RXMCXOV.js";
import "./cli-chunk-BZNRXEVC.js";
import "./cli-chunk-KCOEQV5R.js";
import {
  parseTime
} from "./cli-chunk-6MTFEYDG.js";
import "./cli-chunk-VH6PMXUX.js";
import "./cli-chunk-6YZVHZAI.js";
import {
  table
} from "./cli-chunk-6LSYP2EM.js";
import "./cli-chunk-GTTAVXJX.js";
import "./cli-chunk-LYYP2P6J.js";
import "./cli-chunk-OAF56O2S.js";
import "./cli-chunk-NMVSHCH7.js";
import "./cli-chunk-URTADOYK.js";
import "./cli-chunk-EZVL4DJA.js";
import "./cli-chunk-RERG4CY6.js";
import "./cli-chunk-FJEWTDBN.js";

// src/cli/render/history.ts
function renderHistory(outcome) {
  const title = outcome.version === null ? outcome.name : `${outcome.name}@${outcome.version}`;
  const sections = [];
  if (outcome.at) {
    const holders = Object.entries(outcome.at.holders);
    sections.push(
      holders.length === 0 ? `At ${outcome.at.time}: no version of ${title} held any stage` : `At ${outcome.at.time} (commit ${outcome.at.commit?.slice(0, 12)}):
` + table(
        [{ header: "STAGE" }, { header: "VERSIONS" }],
        holders.map(([stage, versions]) => [stage, versions.join(", ")])
      )
    );
  }
  sections.push(
    `Stages of ${title}:
` + table(
      [
        { header: "VERSION" },
        { header: "STAGE" },
        { header: "FROM" },
        { header: "UNTIL" },
        { header: "BY" },
        { header: "VIA" }
      ],
      outcome.stages.map((s) => [s.version, s.stage, s.from, s.until ?? "now", s.by, s.via])
    )
  );
  sections.push(
    `Commits:
` + table(
      [{ header: "WHEN" }, { header: "WHO" }, { header: "COMMIT" }, { header: "WHAT" }],
      outcome.events.map((e) => [e.at, e.author, e.commit.slice(0, 12), e.subject])
    )
  );
  return sections.join("\n\n");
}

// src/cli/run/history.ts
async function run(cli, target, o) {
  const ctx = await cli.context();
  cli.emit(
    await history(ctx, { target, at: o.at === void 0 ? void 0 : parseTime(o.at, ctx.now()) }),
    renderHistory
  );
}
export {
  run
};
