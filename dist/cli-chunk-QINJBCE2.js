import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  parseName
} from "./cli-chunk-TPXH7SUW.js";
import {
  ARCHIVED_STAGE,
  compareSemver,
  isPrerelease,
  parseVersion
} from "./cli-chunk-VHUSGLFD.js";

// src/domain/layout.ts
import { createHash } from "node:crypto";
var CATALOG_PATH = "catalog.json";
var SHARD_ROWS = 64;
function versionFanout(version) {
  const hex = createHash("sha1").update(parseVersion(version)).digest("hex");
  return `${hex[0]}/${hex[1]}/${hex[2]}`;
}
function modelDir(name) {
  return `models/${parseName(name)}`;
}
function versionFilePath(name, version) {
  return `${modelDir(name)}/versions/${versionFanout(version)}/${version}.json`;
}
function headPath(name) {
  return `${modelDir(name)}/head.json`;
}
function rowsDir(name) {
  return `${modelDir(name)}/rows`;
}
function rowOf(v) {
  return {
    version: v.version,
    model_id: v.model_id,
    model_type: v.model_type,
    registered_at: v.registered_at,
    stage: v.deployment_stage,
    deleted: v.artifact.deleted === true,
    tags: v.tags,
    metrics: v.performance_metrics
  };
}
function isArchivedRow(r) {
  return r.stage === ARCHIVED_STAGE || r.deleted;
}
function instantOf(registeredAt) {
  const ms = Date.parse(registeredAt);
  return Number.isNaN(ms) ? 0 : ms;
}
function instant(r) {
  return instantOf(r.registered_at);
}
function rowOrder(a, b) {
  return instant(a) - instant(b) || compareSemver(a.version, b.version);
}
function dayOf(r) {
  return dayOfTime(r.registered_at);
}
function dayOfTime(registeredAt) {
  const iso = new Date(instantOf(registeredAt)).toISOString();
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`;
}
var UNITS = [
  [11, 13],
  [14, 16],
  [17, 19]
];
function layoutDay(name, day, rows) {
  const out = /* @__PURE__ */ new Map();
  const place = (prefix, bucket, level) => {
    if (bucket.length <= SHARD_ROWS || level >= UNITS.length) {
      out.set(`${prefix}.json`, { schema_version: 2, name, rows: bucket });
      return;
    }
    const [from, to] = UNITS[level];
    const groups = /* @__PURE__ */ new Map();
    for (const r of bucket) {
      const key = new Date(instant(r)).toISOString().slice(from, to);
      const group = groups.get(key) ?? [];
      group.push(r);
      groups.set(key, group);
    }
    for (const [key, group] of groups) place(`${prefix}/${key}`, group, level + 1);
  };
  if (rows.length > 0) place(`${rowsDir(name)}/${day}`, [...rows].sort(rowOrder), 0);
  return out;
}
function layoutRows(name, rows) {
  const days = /* @__PURE__ */ new Map();
  for (const r of rows) {
    const day = dayOf(r);
    const bucket = days.get(day);
    if (bucket) bucket.push(r);
    else days.set(day, [r]);
  }
  const out = /* @__PURE__ */ new Map();
  for (const day of [...days.keys()].sort()) {
    for (const [path, shard] of layoutDay(name, day, days.get(day) ?? [])) out.set(path, shard);
  }
  return out;
}
function sortedRecord(entries) {
  return Object.fromEntries([...entries].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}
var latestOrder = (a, b) => Number(!isPrerelease(a)) - Number(!isPrerelease(b)) || compareSemver(a, b);
function highestOf(rows, order = compareSemver) {
  let best = null;
  for (const r of rows) if (best === null || order(r.version, best) > 0) best = r.version;
  return best;
}
function newestOf(rows) {
  let best = null;
  for (const r of rows) if (best === null || rowOrder(r, best) > 0) best = r;
  return best;
}
function assemble(name, p) {
  return {
    schema_version: 2,
    name,
    count: p.count,
    newest: p.newest,
    highest: p.highest,
    highest_live: p.highestLive,
    latest: p.latest,
    types: sortedRecord(p.types),
    metrics: sortedRecord(p.metrics),
    stages: sortedRecord(p.stages)
  };
}
function deriveHead(name, rows) {
  const highest = highestOf(rows);
  if (highest === null) return null;
  const live = rows.filter((r) => !isArchivedRow(r));
  const types = /* @__PURE__ */ new Map();
  const metrics = /* @__PURE__ */ new Map();
  const byStage = /* @__PURE__ */ new Map();
  for (const r of rows) {
    types.set(r.model_type, (types.get(r.model_type) ?? 0) + 1);
    for (const m of Object.keys(r.metrics)) metrics.set(m, (metrics.get(m) ?? 0) + 1);
    byStage.set(r.stage, [...byStage.get(r.stage) ?? [], r]);
  }
  const stages = [...byStage].map(([stage, held]) => [
    stage,
    { count: held.length, newest: newestOf(held).version }
  ]);
  return assemble(name, {
    count: rows.length,
    newest: newestOf(live)?.version ?? null,
    highest,
    highestLive: highestOf(live),
    latest: highestOf(live, latestOrder),
    types,
    metrics,
    stages
  });
}
async function updateHead(name, old, removed, added, lookups) {
  const count = (old?.count ?? 0) - removed.length + added.length;
  if (count <= 0) return null;
  const gone = new Set(removed.map((r) => r.version));
  const types = new Map(Object.entries(old?.types ?? {}));
  const metrics = new Map(Object.entries(old?.metrics ?? {}));
  const stageCounts = new Map(Object.entries(old?.stages ?? {}).map(([s, v]) => [s, v.count]));
  const bump = (map, key, by) => {
    const next = (map.get(key) ?? 0) + by;
    if (next > 0) map.set(key, next);
    else map.delete(key);
  };
  for (const r of removed) {
    bump(types, r.model_type, -1);
    bump(stageCounts, r.stage, -1);
    for (const m of Object.keys(r.metrics)) bump(metrics, m, -1);
  }
  for (const r of added) {
    bump(types, r.model_type, 1);
    bump(stageCounts, r.stage, 1);
    for (const m of Object.keys(r.metrics)) bump(metrics, m, 1);
  }
  const newestWhere = async (oldBest, keep) => {
    const candidates = added.filter(keep);
    if (oldBest !== null && oldBest !== void 0 && !gone.has(oldBest)) {
      const best = newestOf([await lookups.row(oldBest), ...candidates]);
      return best.version;
    }
    if (oldBest !== null && oldBest !== void 0) return (await lookups.newest(keep))?.version ?? null;
    return newestOf(candidates)?.version ?? null;
  };
  const highestWhere = async (oldBest, keep, order = compareSemver) => {
    const candidates = added.filter(keep).map((r) => r.version);
    const max = (a, b) => order(b, a) > 0 ? b : a;
    if (oldBest !== null && oldBest !== void 0 && !gone.has(oldBest))
      return [oldBest, ...candidates].reduce(max);
    if (oldBest !== null && oldBest !== void 0) return lookups.highest(keep, order);
    return candidates.length > 0 ? candidates.reduce(max) : null;
  };
  const live = (r) => !isArchivedRow(r);
  const stages = [];
  for (const [stage, held] of stageCounts) {
    const newest = await newestWhere(old?.stages[stage]?.newest ?? null, (r) => r.stage === stage);
    stages.push([stage, { count: held, newest }]);
  }
  return assemble(name, {
    count,
    newest: await newestWhere(old?.newest, live),
    highest: await highestWhere(old?.highest, () => true),
    highestLive: await highestWhere(old?.highest_live, live),
    latest: await highestWhere(old?.latest, live, latestOrder),
    types,
    metrics,
    stages
  });
}
function summaryOf(head) {
  const { schema_version: _v, name: _n, ...summary } = head;
  return summary;
}
function withCatalogEntry(catalog, name, head) {
  const models = new Map(Object.entries(catalog.models));
  if (head) models.set(name, summaryOf(head));
  else models.delete(name);
  return { schema_version: 2, models: sortedRecord(models) };
}
function deriveCatalog(heads) {
  return { schema_version: 2, models: sortedRecord(heads.map((h) => [h.name, summaryOf(h)])) };
}
var EMPTY_CATALOG = { schema_version: 2, models: {} };
function deriveModelFiles(name, versions) {
  const rows = versions.map(rowOf);
  const files = new Map(layoutRows(name, rows));
  const head = deriveHead(name, rows);
  if (head) files.set(headPath(name), head);
  return files;
}

export {
  CATALOG_PATH,
  modelDir,
  versionFilePath,
  headPath,
  rowsDir,
  rowOf,
  isArchivedRow,
  rowOrder,
  dayOf,
  dayOfTime,
  layoutDay,
  layoutRows,
  deriveHead,
  updateHead,
  withCatalogEntry,
  deriveCatalog,
  EMPTY_CATALOG,
  deriveModelFiles
};
