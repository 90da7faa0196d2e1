import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  readListedRow,
  rowsNewestFirst
} from "./cli-chunk-UXTHZPF7.js";
import {
  CATALOG_PATH,
  dayOf,
  headPath,
  layoutDay,
  rowOf,
  rowOrder,
  updateHead,
  versionFilePath,
  withCatalogEntry
} from "./cli-chunk-QINJBCE2.js";
import {
  compareSemver,
  invalidInput
} from "./cli-chunk-VHUSGLFD.js";

// src/commands/layout-writes.ts
async function layoutWrites(snapshot, change) {
  const byModel = /* @__PURE__ */ new Map();
  const slot = (name) => {
    let entry = byModel.get(name);
    if (!entry) byModel.set(name, entry = { upserts: [], removals: [] });
    return entry;
  };
  for (const doc of change.upserts ?? []) slot(doc.name).upserts.push(doc);
  for (const doc of change.removals ?? []) slot(doc.name).removals.push(doc);
  const files = [];
  let catalog = await snapshot.readCatalog();
  for (const [name, mine] of [...byModel].sort(([a], [b]) => a < b ? -1 : 1)) {
    const head = await modelWrites(snapshot, name, mine, files);
    catalog = withCatalogEntry(catalog, name, head);
  }
  files.push({ path: CATALOG_PATH, content: catalog });
  return files;
}
async function modelWrites(snapshot, name, change, files) {
  const seen = /* @__PURE__ */ new Set();
  for (const doc of [...change.upserts, ...change.removals]) {
    if (seen.has(doc.version)) {
      throw invalidInput(`${name}@${doc.version} is changed twice in one commit; change each version once`);
    }
    seen.add(doc.version);
  }
  const removed = change.removals.map(rowOf);
  for (const doc of change.upserts) {
    const before = await snapshot.readVersion(name, doc.version);
    if (before) removed.push(rowOf(before));
  }
  const added = change.upserts.map(rowOf);
  const gone = new Set(removed.map((r) => r.version));
  const days = /* @__PURE__ */ new Map();
  for (const day of new Set([...removed, ...added].map(dayOf))) {
    const current = await snapshot.readDay(name, day);
    const rows = current.rows.filter((r) => !gone.has(r.version));
    rows.push(...added.filter((r) => dayOf(r) === day));
    rows.sort(rowOrder);
    days.set(day, rows);
    const shards = layoutDay(name, day, rows);
    for (const path of current.paths) if (!shards.has(path)) files.push({ path, content: null });
    for (const [path, shard] of shards) files.push({ path, content: shard });
  }
  for (const doc of change.removals) files.push({ path: versionFilePath(name, doc.version), content: null });
  for (const doc of change.upserts) files.push({ path: versionFilePath(name, doc.version), content: doc });
  const lookups = {
    // every version the lookups are asked about is one the current head names
    row: (version) => readListedRow(snapshot, name, version, { where: headPath(name) }),
    newest: async (keep) => {
      for await (const row of rowsNewestFirst(snapshot, name, days)) if (keep(row)) return row;
      return null;
    },
    highest: async (keep, order = compareSemver) => {
      let best = null;
      for await (const row of rowsNewestFirst(snapshot, name, days)) {
        if (keep(row) && (best === null || order(row.version, best) > 0)) best = row.version;
      }
      return best;
    }
  };
  const head = await updateHead(name, await snapshot.readHead(name), removed, added, lookups);
  files.push({ path: headPath(name), content: head });
  return head;
}

export {
  layoutWrites
};
