import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  formatBytes,
  relativeTime
} from "./cli-chunk-TZFTDHNG.js";
import {
  TABLE_PAGE,
  columnWidths,
  fields,
  formatNumber,
  safeCells,
  table,
  tableLine
} from "./cli-chunk-6LSYP2EM.js";
import {
  formatReference
} from "./cli-chunk-NCQXE2WX.js";

// src/cli/render/versions.ts
function metricsSummary(metrics) {
  return Object.entries(metrics).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${formatNumber(v)}`).join(" ");
}
var LIST_COLUMNS = [
  { header: "NAME" },
  { header: "VERSION" },
  { header: "STAGE" },
  { header: "REGISTERED" },
  { header: "SIZE", align: "right" },
  { header: "METRICS" },
  { header: "TAGS" }
];
var NO_MATCH = "No model versions match. Register one with 'mreg register FILE --type TYPE'.";
function listCells(v, now) {
  return [
    v.name,
    v.version,
    v.deployment_stage,
    relativeTime(v.registered_at, now),
    formatBytes(v.artifact.size),
    metricsSummary(v.performance_metrics),
    v.tags.join(",")
  ];
}
var countLine = (n) => `${n} version${n === 1 ? "" : "s"}`;
async function writeList(versions, now, write) {
  const page = [];
  let widths = null;
  let count = 0;
  for await (const v of versions) {
    count++;
    const cells = safeCells(listCells(v, now));
    if (widths) {
      await write(tableLine(LIST_COLUMNS, widths, cells) + "\n");
      continue;
    }
    page.push(cells);
    if (page.length < TABLE_PAGE) continue;
    const fitted = columnWidths(LIST_COLUMNS, page);
    const header = LIST_COLUMNS.map((c) => c.header);
    await write([header, ...page].map((row) => tableLine(LIST_COLUMNS, fitted, row) + "\n").join(""));
    widths = fitted;
    page.length = 0;
  }
  if (count === 0) await write(NO_MATCH + "\n");
  else if (!widths) await write(table(LIST_COLUMNS, page) + "\n");
  if (count > 0) await write(countLine(count) + "\n");
  return count;
}
function renderVersion(v, now) {
  const entries = [
    ["reference", formatReference(v)],
    ["model_id", v.model_id],
    ["model_type", v.model_type],
    ["stage", v.deployment_stage + (v.deployed_at ? ` (since ${relativeTime(v.deployed_at, now)})` : "")],
    ["registered", `${v.registered_at} (${relativeTime(v.registered_at, now)})`],
    ["created", v.created_at],
    ["checksum", `sha256:${v.checksum}`],
    ["size", formatBytes(v.artifact.size)],
    ["file", v.file_path + (v.artifact.deleted ? " (deleted by retention)" : compressedNote(v))],
    ["metadata", v.metadata_path]
  ];
  if (v.tags.length) entries.push(["tags", v.tags.join(", ")]);
  if (v.notes) entries.push(["notes", v.notes]);
  if (v.parent_model_id) entries.push(["parent", v.parent_model_id]);
  if (v.dataset_version) entries.push(["dataset", v.dataset_version]);
  if (v.source.repository || v.source.commit) {
    entries.push([
      "source",
      [
        v.source.repository,
        v.source.commit?.slice(0, 12),
        v.source.dirty ? "(working tree dirty)" : "",
        v.source.workflow_run
      ].filter(Boolean).join(" ")
    ]);
  }
  if (v.archived_at) entries.push(["archived", `${v.archived_at}${v.reason ? ` \u2014 ${v.reason}` : ""}`]);
  const sections = [fields(entries)];
  const metrics = Object.entries(v.performance_metrics).sort(([a], [b]) => a.localeCompare(b));
  if (metrics.length) {
    sections.push(
      table(
        [{ header: "METRIC" }, { header: "VALUE", align: "right" }],
        metrics.map(([k, n]) => [k, formatNumber(n)])
      )
    );
  }
  for (const [title, object] of [
    ["config", v.model_config],
    ["training", v.training_metadata]
  ]) {
    if (Object.keys(object).length) sections.push(`${title}: ${JSON.stringify(object)}`);
  }
  sections.push(
    table(
      [{ header: "STAGE" }, { header: "AT" }, { header: "BY" }, { header: "VIA" }],
      v.stage_history.map((e) => [e.stage, e.at, e.by, e.via])
    )
  );
  return sections.join("\n\n");
}
function compressedNote(v) {
  return v.artifact.compression === "gzip" ? " (stored gzip-compressed; 'mreg fetch' restores it)" : "";
}
function renderRegistered(v) {
  return [
    `Registered ${formatReference(v)} in ${v.deployment_stage}`,
    fields([
      ["model_id", v.model_id],
      ["sha256", v.checksum],
      ["size", formatBytes(v.artifact.size)],
      ["stored", v.file_path + compressedNote(v)],
      ["metrics", metricsSummary(v.performance_metrics) || "(none)"]
    ])
  ].join("\n");
}
function renderFetched(outcome) {
  const v = outcome.version;
  return `Fetched ${formatReference(v)} (${v.deployment_stage}) \u2192 ${outcome.path}
sha256 ${v.checksum} verified, ${formatBytes(v.artifact.size)}`;
}

export {
  writeList,
  renderVersion,
  renderRegistered,
  renderFetched
};
