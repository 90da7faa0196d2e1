import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  history
} from "./cli-chunk-QIE26LKQ.js";
import "./cli-chunk-JGKRXGLB.js";
import "./cli-chunk-4O472LWZ.js";
import {
  parseTime
} from "./cli-chunk-TZFTDHNG.js";
import "./cli-chunk-KHQVBMNE.js";
import "./cli-chunk-UXTHZPF7.js";
import "./cli-chunk-RQQIPJBH.js";
import {
  table
} from "./cli-chunk-6LSYP2EM.js";
import "./cli-chunk-NCQXE2WX.js";
import "./cli-chunk-FJL5TYMF.js";
import "./cli-chunk-NMVSHCH7.js";
import "./cli-chunk-QINJBCE2.js";
import "./cli-chunk-TPXH7SUW.js";
import "./cli-chunk-NRZ3EPD3.js";
import "./cli-chunk-VHUSGLFD.js";
import "./cli-chunk-WXNRKKY2.js";

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
