import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  compare
} from "./cli-chunk-XY7WVOGX.js";
import {
  describeBest,
  describeMetric
} from "./cli-chunk-2WUV2RVW.js";
import "./cli-chunk-KHQVBMNE.js";
import "./cli-chunk-UXTHZPF7.js";
import "./cli-chunk-RQQIPJBH.js";
import {
  formatNumber,
  formatSigned,
  table
} from "./cli-chunk-6LSYP2EM.js";
import {
  formatReference
} from "./cli-chunk-NCQXE2WX.js";
import "./cli-chunk-FJL5TYMF.js";
import "./cli-chunk-NMVSHCH7.js";
import "./cli-chunk-QINJBCE2.js";
import "./cli-chunk-TPXH7SUW.js";
import "./cli-chunk-NRZ3EPD3.js";
import "./cli-chunk-VHUSGLFD.js";
import "./cli-chunk-WXNRKKY2.js";

// src/cli/render/compare.ts
function renderComparison({ versions, comparison }) {
  const columns = [
    { header: "METRIC" },
    ...versions.map((v) => ({ header: formatReference(v), align: "right" })),
    { header: "BEST" }
  ];
  const refs = versions.map(formatReference);
  const rows = comparison.metrics.map((row) => [
    describeMetric(row),
    ...row.values.map((value, i) => {
      if (value === null) return "\u2014";
      const delta = row.deltas[i];
      const relative = row.relative[i];
      if (i === 0 || delta === null || delta === void 0) return formatNumber(value);
      const percent = relative === null || relative === void 0 ? "" : ` ${formatSigned(Number((relative * 100).toFixed(1)))}%`;
      return `${formatNumber(value)} (${formatSigned(delta)}${percent})`;
    }),
    describeBest(row, refs)
  ]);
  const stages = versions.map(
    (v) => `${formatReference(v)}: ${v.deployment_stage}, registered ${v.registered_at}`
  );
  return [table(columns, rows), "", ...stages].join("\n");
}

// src/cli/run/compare.ts
async function run(cli, references) {
  cli.emit(await compare(await cli.context(), references), renderComparison);
}
export {
  run
};
