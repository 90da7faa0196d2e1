import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  evaluateGates,
  isRollbackVia
} from "./cli-chunk-AXKDXKZX.js";
import {
  checkCatalog,
  checkDerivedFiles
} from "./cli-chunk-7BOAOEDD.js";
import {
  checkIndexConsistency,
  firstDifference,
  jsonEqual
} from "./cli-chunk-4O472LWZ.js";
import {
  validateCatalog,
  validateModelIndex,
  validateModelVersion,
  validatePolicy
} from "./cli-chunk-B6Z2EQO6.js";
import {
  CATALOG_PATH,
  EMPTY_CATALOG,
  deriveHead,
  rowOf,
  withCatalogEntry
} from "./cli-chunk-QINJBCE2.js";
import {
  allowedTargets,
  checkPolicyConsistency,
  isOpenRegistrationStage
} from "./cli-chunk-NRZ3EPD3.js";
import {
  ARCHIVED_STAGE,
  integrityError,
  isRegistryError,
  sortVersions
} from "./cli-chunk-VHUSGLFD.js";

// src/domain/review-model.ts
var POLICY_LABEL = "registry-policy";
var MUTABLE_FIELDS = [
  "deployment_stage",
  "deployed_at",
  "stage_history",
  "tags",
  "notes",
  "archived_at",
  "reason"
];
var versionKey = (name, version) => `${name}@${version}`;
function stageChangeOf(v, from) {
  return { name: v.name, version: v.version, model_id: v.model_id, from, to: v.deployment_stage };
}

// src/domain/review-verdict.ts
function reviewVerdict(result) {
  const errors = result.findings.filter((f) => f.severity === "error");
  if (errors.length === 0) {
    const moves = result.changes.map((c) => `${c.name} ${c.version}: ${c.from ?? "new"} \u2192 ${c.to}`);
    return {
      state: "success",
      description: moves.length > 0 ? `policy passed: ${moves.join("; ")}` : "policy passed: no stage changes"
    };
  }
  if (errors.every((f) => f.kind === "gate" && f.gate === "min_approvals")) {
    return { state: "pending", description: `waiting for review: ${errors[0]?.message ?? ""}` };
  }
  const first = errors[0];
  const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : "";
  return { state: "failure", description: `${first.subject}: ${first.message}${more}` };
}
function approversOf(reviews, rules) {
  const position = /* @__PURE__ */ new Map();
  for (const r of reviews) {
    if (!r.user) continue;
    if (r.state === "APPROVED" || r.state === "CHANGES_REQUESTED" || r.state === "DISMISSED") {
      position.set(r.user, r);
    }
  }
  const author = (rules.author ?? "").toLowerCase();
  return [...position.entries()].filter(([user, review]) => review.state === "APPROVED" && user.toLowerCase() !== author).filter(([, review]) => rules.headSha === void 0 || review.commit_id === rules.headSha).map(([user]) => user).sort();
}
function requestersOf(base, head) {
  const before = new Map(base.map((d) => [d.path, historyOf(d.content).length]));
  const requesters = /* @__PURE__ */ new Set();
  for (const doc of head) {
    const history = historyOf(doc.content);
    for (const entry of history.slice(before.get(doc.path) ?? 0)) {
      if (typeof entry?.by === "string" && entry.by) requesters.add(entry.by);
    }
  }
  return [...requesters].sort();
}
function historyOf(content) {
  const history = content?.stage_history;
  return Array.isArray(history) ? history : [];
}
function stageChanges(before, after) {
  const previous = new Map(before.map((v) => [versionKey(v.name, v.version), v]));
  return after.filter((v) => previous.get(versionKey(v.name, v.version))?.deployment_stage !== v.deployment_stage).map((v) => stageChangeOf(v, previous.get(versionKey(v.name, v.version))?.deployment_stage ?? null));
}
function isDirectChangeAllowed(policy, change, version) {
  if (change.from === null) {
    return version.stage_history.length === 1 && isOpenRegistrationStage(policy, change.to);
  }
  return change.to === ARCHIVED_STAGE && version.stage_history.at(-1)?.via === "cleanup" && !policy.retention.protect_stages.includes(change.from);
}

// src/domain/review-derived.ts
var DERIVED_PATH = /^models\/([^/]+)\/(?:head\.json|rows\/.+\.json)$/;
function readCatalog(document, side) {
  if (!document || document.content === null) return `${CATALOG_PATH} is missing in the ${side}`;
  try {
    if (document.error !== void 0) throw integrityError(document.error);
    return validateCatalog(document.content, `${CATALOG_PATH} (${side})`);
  } catch (error) {
    if (isRegistryError(error)) return error.message;
    throw error;
  }
}
function checkDerived(base, head, versions, invalidModels, findings) {
  const committed = /* @__PURE__ */ new Map();
  for (const document of head.derived ?? []) {
    const name = DERIVED_PATH.exec(document.path)?.[1];
    if (!name) continue;
    const files = committed.get(name) ?? /* @__PURE__ */ new Map();
    files.set(document.path, document.error === void 0 ? document.content : { unreadable: document.error });
    committed.set(name, files);
  }
  const names = [.../* @__PURE__ */ new Set([...versions.map((v) => v.name), ...committed.keys()])].sort();
  const skip = new Set(invalidModels);
  const baseCatalog = readCatalog(base.catalog, "base");
  let expected = typeof baseCatalog === "string" ? EMPTY_CATALOG : baseCatalog;
  for (const name of names) {
    const mine = versions.filter((v) => v.name === name);
    expected = withCatalogEntry(expected, name, deriveHead(name, mine.map(rowOf)));
    if (skip.has(name)) continue;
    for (const message2 of checkDerivedFiles(name, mine, committed.get(name) ?? /* @__PURE__ */ new Map())) {
      findings.push({
        severity: "error",
        kind: "index-mismatch",
        subject: name,
        file: `models/${name}`,
        message: message2
      });
    }
  }
  const headCatalog = readCatalog(head.catalog, "proposed commit");
  if (typeof headCatalog === "string") {
    findings.push({
      severity: "error",
      kind: "invalid-document",
      subject: CATALOG_PATH,
      file: CATALOG_PATH,
      message: headCatalog
    });
    return;
  }
  if (typeof baseCatalog === "string") return;
  for (const message2 of checkCatalog(headCatalog, expected)) {
    findings.push({
      severity: "error",
      kind: "index-mismatch",
      subject: CATALOG_PATH,
      file: CATALOG_PATH,
      message: message2
    });
  }
}

// src/domain/review-version.ts
function immutablePart(v) {
  const copy = { ...v };
  for (const field of MUTABLE_FIELDS) delete copy[field];
  const artifact = { ...v.artifact };
  delete artifact.deleted;
  copy.artifact = artifact;
  return copy;
}
function reviewVersion(ctx, before, after, file) {
  const subject = versionKey(after.name, after.version);
  const error = (kind, text) => {
    ctx.findings.push({ severity: "error", kind, subject, file, message: text });
  };
  const fixedBefore = immutablePart(before);
  const fixedAfter = immutablePart(after);
  for (const field of [.../* @__PURE__ */ new Set([...Object.keys(fixedBefore), ...Object.keys(fixedAfter)])].sort()) {
    const where = firstDifference(fixedBefore[field], fixedAfter[field], `$.${field}`);
    if (where) {
      error(
        "immutable-field",
        `${where} changed; only ${MUTABLE_FIELDS.join(", ")} may change after registration`
      );
    }
  }
  const wasDeleted = before.artifact.deleted === true;
  const isDeleted = after.artifact.deleted === true;
  if (wasDeleted && !isDeleted) {
    error("immutable-field", "$.artifact.deleted is unset, but retention already deleted the artifact");
  } else if (!wasDeleted && isDeleted) {
    if (after.deployment_stage !== ARCHIVED_STAGE || after.archived_at === void 0) {
      error(
        "immutable-field",
        `$.artifact.deleted is set without archiving; set it only together with deployment_stage "${ARCHIVED_STAGE}" and archived_at`
      );
    }
  }
  if (after.deployment_stage !== before.deployment_stage) {
    ctx.changes.push(stageChangeOf(after, before.deployment_stage));
  }
  const appended = appendedHistory(before.stage_history, after.stage_history);
  if (appended === null) {
    error(
      "stage-history",
      "stage_history is append-only: an existing entry was changed or removed; add a new entry instead"
    );
    return;
  }
  if (!stagesAgree(ctx, subject, file, before.deployment_stage, after, appended)) return;
  walkSteps(ctx, after, file, before.deployment_stage, before.stage_history, appended);
}
function appendedHistory(before, after) {
  if (after.length < before.length) return null;
  for (let i = 0; i < before.length; i++) if (!jsonEqual(before[i], after[i])) return null;
  return after.slice(before.length);
}
function stagesAgree(ctx, subject, file, from, after, appended) {
  const last = appended.at(-1)?.stage ?? from;
  if (last === after.deployment_stage) return true;
  ctx.findings.push({
    severity: "error",
    kind: "stage-history",
    subject,
    file,
    message: appended.length === 0 ? `deployment_stage changes from "${from}" to "${after.deployment_stage}" without a stage_history entry` : `deployment_stage is "${after.deployment_stage}" but stage_history ends in "${last}"`
  });
  return false;
}
function walkSteps(ctx, version, file, start, earlier, appended) {
  const { policy } = ctx;
  const subject = versionKey(version.name, version.version);
  let from = start;
  const entered = /* @__PURE__ */ new Set();
  const rolledBack = /* @__PURE__ */ new Set();
  appended.forEach((event, i) => {
    const to = event.stage;
    const held = [...earlier, ...appended.slice(0, i)].some((e) => e.stage === to);
    if (held && isRollbackVia(event.via)) rolledBack.add(to);
    else rolledBack.delete(to);
    let legal;
    let demotion = false;
    if (!policy.stages.includes(to)) {
      ctx.findings.push({
        severity: "error",
        kind: "illegal-transition",
        subject,
        file,
        message: `stage_history enters unknown stage "${to}": use one of ${policy.stages.join(", ")}`
      });
      from = to;
      return;
    }
    if (to === from) legal = false;
    else if (allowedTargets(policy, from).includes(to)) legal = true;
    else if (held) legal = true;
    else {
      demotion = isDemotion(ctx, version, from, to);
      legal = demotion;
    }
    if (!legal) {
      const allowed = allowedTargets(policy, from);
      ctx.findings.push({
        severity: "error",
        kind: "illegal-transition",
        subject,
        file,
        message: to === from ? `stage_history moves from "${from}" to the stage it is already in` : `cannot move from "${from}" to "${to}": allowed from ${from}: ${allowed.length ? allowed.join(", ") : "none"}; ${version.version} never held ${to}, so this is no rollback`
      });
    }
    if (!demotion) entered.add(to);
    from = to;
  });
  for (const stage of entered) judgeGates(ctx, version, stage, rolledBack.has(stage));
}
function isDemotion(ctx, version, from, to) {
  const { policy } = ctx;
  if (to !== policy.demote_to || !policy.exclusive_stages.includes(from)) return false;
  const before = new Map(ctx.baseDocs.filter((v) => v.name === version.name).map((v) => [v.version, v]));
  return ctx.headDocs.some(
    (v) => v.name === version.name && v.version !== version.version && v.deployment_stage === from && before.get(v.version)?.deployment_stage !== from
  );
}
function judgeGates(ctx, candidate, stage, rollback) {
  const { input, policy } = ctx;
  const holders = ctx.baseDocs.filter(
    (v) => v.name === candidate.name && v.version !== candidate.version && v.deployment_stage === stage
  );
  const verdict = evaluateGates({
    policy,
    candidate,
    stage,
    holders,
    channel: input.approvals === null ? "local" : "pull-request",
    approvals: input.approvals?.length ?? 0,
    viaPullRequest: input.viaPullRequest,
    rollback
  });
  const subject = versionKey(candidate.name, candidate.version);
  if (verdict.results.length > 0) ctx.gates.push({ subject, stage, results: verdict.results });
  for (const result of verdict.results) {
    if (result.status === "pass") continue;
    ctx.findings.push({
      severity: result.status === "fail" ? "error" : "warning",
      kind: "gate",
      subject,
      gate: result.gate,
      file: candidate.metadata_path,
      message: `${stage}: ${result.message}`
    });
  }
}
function reviewRegistration(ctx, version, file) {
  const subject = versionKey(version.name, version.version);
  ctx.changes.push(stageChangeOf(version, null));
  const [first, ...rest] = version.stage_history;
  if (!first) {
    ctx.findings.push({
      severity: "error",
      kind: "stage-history",
      subject,
      file,
      message: "a new version needs a stage_history entry for its registration"
    });
    return;
  }
  if (!ctx.policy.stages.includes(first.stage) || !isOpenRegistrationStage(ctx.policy, first.stage)) {
    ctx.findings.push({
      severity: "error",
      kind: "illegal-transition",
      subject,
      file,
      message: `a new version cannot start in "${first.stage}" (gated, exclusive or unknown): register into ${ctx.policy.initial_stage}, then promote`
    });
    return;
  }
  if (!stagesAgree(ctx, subject, file, first.stage, version, rest)) return;
  walkSteps(ctx, version, file, first.stage, [first], rest);
}

// src/domain/review.ts
var VERSION_PATH = /^models\/([^/]+)\/(?:versions\/[0-9a-f]\/[0-9a-f]\/[0-9a-f]\/)?([^/]+)\.json$/;
var INDEX_FILE = "index";
var HEAD_FILE = "head";
var key = versionKey;
function message(error) {
  if (isRegistryError(error)) return error.message;
  throw error;
}
function parsePolicy(raw, where = "registry.json") {
  if (raw === null || raw === void 0) return `${where}: missing`;
  try {
    return checkPolicyConsistency(validatePolicy(raw, where, "integrity"), where, "integrity");
  } catch (error) {
    return message(error);
  }
}
function parseVersions(documents, side, findings) {
  const parsed = [];
  for (const { path, content, error: unreadable } of documents) {
    const match = VERSION_PATH.exec(path);
    if (!match || match[2] === INDEX_FILE || match[2] === HEAD_FILE) continue;
    const [, name = "", version = ""] = match;
    let doc = null;
    try {
      if (unreadable !== void 0) throw integrityError(unreadable);
      doc = validateModelVersion(content, path, "integrity");
      if (doc.name !== name || doc.version !== version) {
        findings?.push({
          severity: "error",
          kind: "invalid-document",
          subject: key(name, version),
          file: path,
          message: `${path} holds ${doc.name}@${doc.version}; a version file must be models/<name>/<version>.json`
        });
        doc = null;
      }
    } catch (error) {
      findings?.push({
        severity: "error",
        kind: "invalid-document",
        subject: key(name, version),
        file: path,
        message: `${side}: ${message(error)}`
      });
    }
    parsed.push({ path, name, version, doc });
  }
  return parsed;
}
function reviewChange(input) {
  const findings = [];
  const changes = [];
  const gates = [];
  const basePolicy = input.base.policyError ?? parsePolicy(input.base.policy);
  const headPolicy = input.head.policyError ?? parsePolicy(input.head.policy);
  for (const problem of input.head.problems ?? []) {
    findings.push({
      severity: "error",
      kind: "invalid-document",
      subject: problem.path,
      file: problem.path,
      message: problem.message
    });
  }
  if (typeof headPolicy === "string") {
    findings.push({
      severity: "error",
      kind: "invalid-document",
      subject: "registry.json",
      file: "registry.json",
      message: headPolicy
    });
  }
  checkPolicyEdit(input, findings);
  checkOtherPaths(input, findings);
  const policy = typeof basePolicy !== "string" ? basePolicy : typeof headPolicy !== "string" ? headPolicy : null;
  const base = parseVersions(input.base.versions, "base", null);
  const head = parseVersions(input.head.versions, "head", findings);
  const baseByKey = new Map(base.map((p) => [key(p.name, p.version), p]));
  const headByKey = new Map(head.map((p) => [key(p.name, p.version), p]));
  for (const old of base) {
    if (!headByKey.has(key(old.name, old.version))) {
      findings.push({
        severity: "error",
        kind: "removed-version",
        subject: key(old.name, old.version),
        file: old.path,
        message: `${old.path} is removed; versions are never deleted through a pull request (retention archives them)`
      });
    }
  }
  if (!policy) {
    findings.push({
      severity: "error",
      kind: "invalid-document",
      subject: "registry.json",
      file: "registry.json",
      message: "no valid registry.json on either side: the change cannot be judged"
    });
    return finish(findings, changes, gates);
  }
  const headDocs = head.flatMap((p) => p.doc ? [p.doc] : []);
  const baseDocs = base.flatMap((p) => p.doc ? [p.doc] : []);
  const context = { policy, input, headDocs, baseDocs, findings, changes, gates };
  for (const current of head) {
    if (!current.doc) continue;
    const previous = baseByKey.get(key(current.name, current.version));
    if (previous && !previous.doc) {
      findings.push({
        severity: "warning",
        kind: "invalid-document",
        subject: key(current.name, current.version),
        file: current.path,
        message: `the base's ${current.path} is not valid, so changes to it cannot be checked field by field`
      });
      continue;
    }
    if (previous?.doc) reviewVersion(context, previous.doc, current.doc, current.path);
    else reviewRegistration(context, current.doc, current.path);
  }
  checkExclusiveStages(policy, headDocs, findings);
  if (input.head.derived)
    checkDerived(
      input.base,
      input.head,
      head.flatMap((p) => p.doc ? [p.doc] : []),
      head.filter((p) => !p.doc).map((p) => p.name),
      findings
    );
  else checkIndexes(input.head, head, findings);
  return finish(findings, changes, gates);
}
function finish(findings, changes, gates) {
  return { passed: findings.every((f) => f.severity !== "error"), findings, changes, gates };
}
function checkPolicyEdit(input, findings) {
  const same = jsonEqual(input.base.policy ?? null, input.head.policy ?? null) && input.base.policyError === input.head.policyError;
  if (same) return;
  const subject = "registry.json";
  if (input.labels === null) {
    findings.push({
      severity: "warning",
      kind: "policy-change",
      subject,
      file: subject,
      message: `registry.json changes: no review channel here to require the "${POLICY_LABEL}" label`
    });
  } else if (!input.labels.includes(POLICY_LABEL)) {
    findings.push({
      severity: "error",
      kind: "policy-change",
      subject,
      file: subject,
      message: `registry.json changes the policy: add the "${POLICY_LABEL}" label to the pull request to allow it`
    });
  }
}
function checkOtherPaths(input, findings) {
  for (const path of input.otherPaths ?? []) {
    if (input.labels === null) {
      findings.push({
        severity: "warning",
        kind: "other-file",
        subject: path,
        file: path,
        message: `${path} changes outside registry.json and models/: no review channel here to require the "${POLICY_LABEL}" label`
      });
    } else if (!input.labels.includes(POLICY_LABEL)) {
      findings.push({
        severity: "error",
        kind: "other-file",
        subject: path,
        file: path,
        message: `${path} changes outside registry.json and models/ (it could change the workflows that run this check): add the "${POLICY_LABEL}" label to allow it`
      });
    }
  }
}
function checkExclusiveStages(policy, versions, findings) {
  const byModel = /* @__PURE__ */ new Map();
  for (const v of versions) byModel.set(v.name, [...byModel.get(v.name) ?? [], v]);
  for (const [name, list] of byModel) {
    for (const stage of policy.exclusive_stages) {
      const holders = sortVersions(list.filter((v) => v.deployment_stage === stage).map((v) => v.version));
      if (holders.length > 1) {
        findings.push({
          severity: "error",
          kind: "exclusive-stage",
          subject: name,
          message: `${stage} is exclusive but ${holders.length} versions hold it (${holders.join(", ")}); demote all but one to ${policy.demote_to}`
        });
      }
    }
  }
}
function checkIndexes(head, versions, findings) {
  const names = new Set(versions.map((p) => p.name));
  const indexes = /* @__PURE__ */ new Map();
  for (const document of head.indexes) {
    const match = VERSION_PATH.exec(document.path);
    if (match && match[2] === INDEX_FILE && match[1]) {
      indexes.set(match[1], document);
      names.add(match[1]);
    }
  }
  for (const name of [...names].sort()) {
    const path = `models/${name}/index.json`;
    const mine = versions.filter((p) => p.name === name);
    const push = (text) => {
      findings.push({ severity: "error", kind: "index-mismatch", subject: name, file: path, message: text });
    };
    if (!indexes.has(name)) {
      if (mine.length > 0) push(`${path} is missing; it must list every version file of ${name}`);
      continue;
    }
    let index;
    try {
      const document = indexes.get(name);
      if (document.error !== void 0) throw integrityError(document.error);
      index = validateModelIndex(document.content, path, "integrity");
    } catch (error) {
      findings.push({
        severity: "error",
        kind: "invalid-document",
        subject: name,
        file: path,
        message: message(error)
      });
      continue;
    }
    if (mine.some((p) => !p.doc)) continue;
    if (index.name !== name) {
      push(`${path} names model "${index.name}"; it must be "${name}"`);
      continue;
    }
    for (const problem of checkIndexConsistency(
      index,
      mine.flatMap((p) => p.doc ? [p.doc] : [])
    )) {
      push(problem);
    }
  }
}

export {
  POLICY_LABEL,
  reviewVerdict,
  approversOf,
  requestersOf,
  stageChanges,
  isDirectChangeAllowed,
  parsePolicy,
  reviewChange
};
