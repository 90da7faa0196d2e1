import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  dayOf,
  headPath,
  isArchivedRow,
  rowOf,
  rowsDir,
  versionFilePath
} from "./cli-chunk-QINJBCE2.js";
import {
  integrityError
} from "./cli-chunk-VHUSGLFD.js";

// src/commands/registry-reads.ts
import { isDeepStrictEqual } from "node:util";
async function* rowsNewestFirst(snapshot, name, replaced) {
  const days = new Set(await snapshot.rowDays(name));
  for (const day of replaced?.keys() ?? []) days.add(day);
  const order = [...days].sort().reverse();
  const read = (day) => {
    if (day === void 0) return void 0;
    const substitute = replaced?.get(day);
    if (substitute) return Promise.resolve(substitute);
    const rows = snapshot.readDay(name, day).then((shards) => shards.rows);
    rows.catch(() => void 0);
    return rows;
  };
  let next = read(order[0]);
  for (let d = 0; next; d++) {
    const rows = await next;
    next = read(order[d + 1]);
    for (let i = rows.length - 1; i >= 0; i--) yield rows[i];
  }
}
var rowsWhere = (name, row) => `${rowsDir(name)}/${dayOf(row)}\u2026`;
async function readListedVersion(snapshot, name, version, claim) {
  const doc = await snapshot.readVersion(name, version);
  if (!doc) {
    const file = versionFilePath(name, version);
    const where = claim?.where ?? `models/${name}: the derived files`;
    throw integrityError(
      `${where} names ${name}@${version} but its version file ${file} is missing: the derived files were edited outside mreg; run 'mreg doctor'`,
      { path: claim?.where ?? `models/${name}`, version_file: file }
    );
  }
  if (claim) checkClaim(name, doc, claim);
  return doc;
}
function checkClaim(name, doc, claim) {
  const truth = rowOf(doc);
  let field;
  let said;
  let is;
  if (claim.stage !== void 0 && truth.stage !== claim.stage) {
    ;
    [field, said, is] = ["stage", claim.stage, truth.stage];
  } else if (claim.live && isArchivedRow(truth)) {
    ;
    [field, said, is] = ["archived", false, true];
  } else if (claim.row) {
    const row = claim.row;
    const real = truth;
    field = Object.keys({ ...real, ...row }).find((key) => !isDeepStrictEqual(row[key], real[key]));
    if (field !== void 0) [said, is] = [row[field], real[field]];
  }
  if (field === void 0) return;
  throw integrityError(
    `${claim.where} disagrees with the version file ${versionFilePath(name, doc.version)} of ${name}@${doc.version} on ${field} (derived ${JSON.stringify(said)}, version file ${JSON.stringify(is)}): the derived files were edited outside mreg; run 'mreg doctor'`,
    { path: claim.where, version_file: versionFilePath(name, doc.version), field_name: field }
  );
}
async function readListedRow(snapshot, name, version, claim) {
  return rowOf(await readListedVersion(snapshot, name, version, claim));
}
async function stageHolders(snapshot, name, stage) {
  const summary = (await snapshot.readHead(name))?.stages[stage];
  if (!summary) return [];
  if (summary.count === 1)
    return [await readListedVersion(snapshot, name, summary.newest, { where: headPath(name), stage })];
  const holders = [];
  for await (const row of rowsNewestFirst(snapshot, name)) {
    if (row.stage !== stage) continue;
    holders.push(await readListedVersion(snapshot, name, row.version, { where: rowsWhere(name, row), row }));
    if (holders.length >= summary.count) break;
  }
  return holders;
}
async function stageHolderVersions(snapshot, name, stage) {
  const summary = (await snapshot.readHead(name))?.stages[stage];
  if (!summary) return [];
  if (summary.count === 1) return [summary.newest];
  const versions = [];
  for await (const row of rowsNewestFirst(snapshot, name)) {
    if (row.stage !== stage) continue;
    versions.push(row.version);
    if (versions.length >= summary.count) break;
  }
  return versions;
}
async function readDerivedFiles(snapshot, name) {
  const files = /* @__PURE__ */ new Map();
  const head = await snapshot.readJson(headPath(name));
  if (head !== null) files.set(headPath(name), head);
  for (const day of await snapshot.rowDays(name)) {
    for (const path of (await snapshot.readDay(name, day)).paths)
      files.set(path, await snapshot.readJson(path));
  }
  return files;
}

export {
  rowsNewestFirst,
  rowsWhere,
  readListedVersion,
  readListedRow,
  stageHolders,
  stageHolderVersions,
  readDerivedFiles
};
