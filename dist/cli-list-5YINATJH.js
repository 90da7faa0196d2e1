import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  criteriaOf
} from "./cli-chunk-ARUMNC2M.js";
import {
  writeList
} from "./cli-chunk-PPDLJNA7.js";
import {
  streamVersions
} from "./cli-chunk-SU6NHU35.js";
import {
  positiveInteger,
  sortFrom
} from "./cli-chunk-FK236CVL.js";
import "./cli-chunk-7ROMD3FF.js";
import "./cli-chunk-RXOADDI2.js";
import "./cli-chunk-ODUTP5J6.js";
import "./cli-chunk-TZFTDHNG.js";
import "./cli-chunk-KHQVBMNE.js";
import "./cli-chunk-UXTHZPF7.js";
import "./cli-chunk-RQQIPJBH.js";
import "./cli-chunk-6LSYP2EM.js";
import "./cli-chunk-NCQXE2WX.js";
import "./cli-chunk-FJL5TYMF.js";
import {
  safeForTerminal,
  safeLine
} from "./cli-chunk-NMVSHCH7.js";
import "./cli-chunk-QINJBCE2.js";
import "./cli-chunk-TPXH7SUW.js";
import "./cli-chunk-NRZ3EPD3.js";
import "./cli-chunk-VHUSGLFD.js";
import "./cli-chunk-WXNRKKY2.js";

// src/cli/render/csv.ts
var FIXED = [
  "model_id",
  "name",
  "model_type",
  "version",
  "deployment_stage",
  "registered_at",
  "deployed_at",
  "checksum",
  "size",
  "tags",
  "parent_model_id",
  "dataset_version",
  "notes"
];
function csvHeader(metrics) {
  return [...FIXED, ...metrics].map(quote).join(",");
}
function csvRow(v, metrics) {
  return [
    v.model_id,
    v.name,
    v.model_type,
    v.version,
    v.deployment_stage,
    v.registered_at,
    v.deployed_at ?? "",
    v.checksum,
    String(v.artifact.size),
    v.tags.join(" "),
    v.parent_model_id ?? "",
    v.dataset_version ?? "",
    v.notes,
    ...metrics.map((m) => v.performance_metrics[m] === void 0 ? "" : String(v.performance_metrics[m]))
  ].map(quote).join(",");
}
function quote(raw) {
  const cell = isNumber(raw) ? raw : neutralise(raw);
  return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
function isNumber(cell) {
  return cell.trim() !== "" && Number.isFinite(Number(cell));
}
function neutralise(cell) {
  return /^[=+\-@\t\r]/.test(cell) ? `'${safeLine(cell)}` : safeLine(cell);
}

// src/cli/run/list.ts
var FLUSH_BYTES = 64 * 1024;
async function run(cli, o) {
  const ctx = await cli.context();
  const { metrics, versions } = await streamVersions(ctx, {
    criteria: await criteriaOf(o),
    sort: sortFrom(o.sort),
    limit: o.limit === void 0 ? void 0 : positiveInteger(o.limit, "--limit")
  });
  let pending = "";
  const write = async (text) => {
    pending += text;
    if (pending.length < FLUSH_BYTES) return;
    cli.io.stdout(pending);
    pending = "";
    await cli.io.drained();
  };
  if (o.csv) await writeCsv(versions, metrics, write);
  else if (cli.json()) await writeJsonArray(versions, write);
  else await writeList(versions, ctx.now(), (text) => write(safeForTerminal(text)));
  if (pending) cli.io.stdout(pending);
}
async function writeCsv(versions, metrics, write) {
  await write(csvHeader(metrics) + "\n");
  for await (const v of versions) await write(csvRow(v, metrics) + "\n");
}
async function writeJsonArray(versions, write) {
  let first = true;
  for await (const v of versions) {
    await write((first ? "[\n  " : ",\n  ") + JSON.stringify(v, null, 2).replace(/\n/g, "\n  "));
    first = false;
  }
  await write(first ? "[]\n" : "\n]\n");
}
export {
  run
};
