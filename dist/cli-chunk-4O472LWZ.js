import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  versionFilePath
} from "./cli-chunk-QINJBCE2.js";
import {
  parseName
} from "./cli-chunk-TPXH7SUW.js";
import {
  byRegistration,
  integrityError,
  newestFirst
} from "./cli-chunk-VHUSGLFD.js";

// src/domain/json-diff.ts
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
var key = (k) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
function firstDifference(a, b, path = "$") {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return path;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [.../* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = firstDifference(a[k], b[k], path + key(k));
      if (d) return d;
    }
    return null;
  }
  return Object.is(a, b) || a === 0 && b === 0 ? null : path;
}
function jsonEqual(a, b) {
  return firstDifference(a, b) === null;
}

// src/domain/model-index.ts
function versionPath(name, version) {
  return versionFilePath(name, version);
}
function indexPath(name) {
  return `models/${parseName(name)}/index.json`;
}
function deriveStages(sorted) {
  const stages = /* @__PURE__ */ new Map();
  for (const v of [...sorted].sort(newestFirst)) {
    const list = stages.get(v.deployment_stage) ?? [];
    list.push(v.version);
    stages.set(v.deployment_stage, list);
  }
  return Object.fromEntries([...stages.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}
function deriveIndex(name, versions) {
  const seen = /* @__PURE__ */ new Set();
  for (const v of versions) {
    if (v.name !== name) {
      throw integrityError(
        `${versionPath(name, v.version)}: name is "${v.name}" but the file is under models/${name}/; fix the document or move it`
      );
    }
    if (seen.has(v.version)) {
      throw integrityError(
        `${indexPath(name)}: version ${v.version} appears twice; keep one document per version`
      );
    }
    seen.add(v.version);
  }
  const sorted = [...versions].sort(byRegistration);
  return { schema_version: 1, name, versions: sorted, stages: deriveStages(sorted) };
}
function checkIndexConsistency(index, versionFiles) {
  const where = indexPath(index.name);
  const problems = [];
  const files = new Map(versionFiles.map((v) => [v.version, v]));
  const listed = /* @__PURE__ */ new Map();
  for (const entry of index.versions) {
    if (listed.has(entry.version)) problems.push(`${where}: lists version ${entry.version} more than once`);
    listed.set(entry.version, entry);
  }
  for (const [version, doc] of files) {
    const file = `models/${index.name}/${version}.json`;
    if (doc.name !== index.name) problems.push(`${file}: name is "${doc.name}", expected "${index.name}"`);
    const entry = listed.get(version);
    if (!entry) {
      problems.push(`${where}: version ${version} is missing (${file} exists)`);
      continue;
    }
    const diff = firstDifference(entry, doc);
    if (diff) problems.push(`${where}: the entry for ${version} differs from ${file} at ${diff}`);
  }
  for (const version of listed.keys()) {
    if (!files.has(version)) {
      problems.push(
        `${where}: lists version ${version} but models/${index.name}/${version}.json does not exist`
      );
    }
  }
  const order = index.versions.map((v) => v.version);
  const expectedOrder = [...index.versions].sort(byRegistration).map((v) => v.version);
  if (order.join("\n") !== expectedOrder.join("\n")) {
    problems.push(`${where}: versions are not in registration order (expected ${expectedOrder.join(", ")})`);
  }
  const expected = deriveStages([...files.values()]);
  for (const stage of [.../* @__PURE__ */ new Set([...Object.keys(index.stages), ...Object.keys(expected)])].sort()) {
    const show = (stages) => Object.hasOwn(stages, stage) ? `[${(stages[stage] ?? []).join(", ")}]` : "absent";
    const have = show(index.stages);
    const want = show(expected);
    if (have !== want) problems.push(`${where}: stages.${stage} is ${have} but the version files say ${want}`);
  }
  return problems;
}

export {
  firstDifference,
  jsonEqual,
  versionPath,
  deriveIndex,
  checkIndexConsistency
};
