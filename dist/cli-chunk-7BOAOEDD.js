import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  firstDifference
} from "./cli-chunk-4O472LWZ.js";
import {
  CATALOG_PATH,
  deriveModelFiles
} from "./cli-chunk-QINJBCE2.js";

// src/domain/layout-check.ts
function checkDerivedFiles(name, versions, committed) {
  const expected = deriveModelFiles(name, versions);
  const problems = [];
  for (const [path, doc] of expected) {
    if (!committed.has(path)) {
      problems.push(`${path} is missing; the version files of ${name} derive it`);
      continue;
    }
    const diff = firstDifference(committed.get(path), doc);
    if (diff) problems.push(`${path} differs from what the version files of ${name} derive at ${diff}`);
  }
  for (const path of committed.keys()) {
    if (!expected.has(path)) problems.push(`${path} should not exist: no version file of ${name} derives it`);
  }
  return problems;
}
function checkCatalog(committed, expected) {
  const diff = firstDifference(committed, expected);
  return diff ? [`${CATALOG_PATH} differs from what the version files derive at ${diff}`] : [];
}

export {
  checkDerivedFiles,
  checkCatalog
};
