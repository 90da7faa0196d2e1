import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  requestersOf,
  reviewChange,
  reviewVerdict
} from "./cli-chunk-OLF3ZM3S.js";
import {
  CATALOG_PATH,
  headPath,
  versionFilePath
} from "./cli-chunk-QINJBCE2.js";
import {
  RegistryError,
  isRegistryError
} from "./cli-chunk-VHUSGLFD.js";

// src/commands/review-channel.ts
var POLICY_STATUS_CONTEXT = "model-registry/policy";

// src/commands/check.ts
async function check(ctx, input) {
  const from = input.pullNumber === void 0 ? [] : [`refs/pull/${input.pullNumber}/head`];
  if (input.headRef) from.unshift(input.headRef);
  const base = await commitOf(ctx.backend, input.base);
  const head = await commitOf(ctx.backend, input.head, from);
  const review = ctx.review;
  const pullNumber = input.pullNumber ?? null;
  let approvals = null;
  let labels = null;
  if (review && pullNumber !== null) {
    ;
    [approvals, labels] = await Promise.all([
      review.approvals(pullNumber).then((a) => a.approvers),
      review.labels(pullNumber)
    ]);
  } else if (review) {
    approvals = [];
    labels = [];
  }
  let result;
  if (await builtOn(ctx.backend, head, base)) {
    const change = await readChange(ctx.backend, base, head);
    const requesters = new Set(
      requestersOf(change.base.versions, change.head.versions).map((u) => u.toLowerCase())
    );
    approvals = approvals?.filter((user) => !requesters.has(user.toLowerCase())) ?? null;
    result = reviewChange({ ...change, approvals, labels, viaPullRequest: pullNumber !== null });
  } else {
    result = staleReview(base);
  }
  const verdict = reviewVerdict(result);
  let posted = false;
  if (review && pullNumber !== null) {
    await review.setStatus({
      sha: head,
      state: verdict.state,
      description: verdict.description,
      context: POLICY_STATUS_CONTEXT,
      targetUrl: ctx.source?.workflow_run
    });
    posted = true;
  }
  return {
    ...result,
    base,
    head,
    review: review ? "pull-request" : "not-applicable",
    pull_request: pullNumber,
    approvals,
    labels,
    status: { ...verdict, context: POLICY_STATUS_CONTEXT, posted }
  };
}
var MAX_ANCESTRY_WALK = 200;
async function builtOn(backend, head, base) {
  if (head === base || !backend.parents) return true;
  const seen = /* @__PURE__ */ new Set([head]);
  const queue = [head];
  while (queue.length > 0 && seen.size <= MAX_ANCESTRY_WALK) {
    for (const parent of await backend.parents(queue.shift())) {
      if (parent === base) return true;
      if (!seen.has(parent)) {
        seen.add(parent);
        queue.push(parent);
      }
    }
  }
  return queue.length > 0;
}
function staleReview(base) {
  return {
    passed: false,
    findings: [
      {
        severity: "error",
        kind: "stale-base",
        subject: "proposal",
        message: `the change is not built on ${base.slice(0, 12)}: the registry branch moved on since; run the promotion again (or rebase the branch) to rebuild it`
      }
    ],
    changes: [],
    gates: []
  };
}
async function commitOf(backend, ref, from = []) {
  if (backend.fetchCommit) return backend.fetchCommit(ref, from);
  return ref;
}
async function readChange(backend, base, head) {
  const [before, after] = await Promise.all([backend.snapshotAt(base), backend.snapshotAt(head)]);
  const models = await changedModels(before, after);
  const problems = [];
  const baseState = { policy: null, versions: [] };
  const headState = { policy: null, versions: [], indexes: [], problems };
  const reader = (snapshot, commit) => (path) => readDocument(backend, snapshot, commit, path);
  const readBase = reader(before, base);
  const readHead = reader(after, head);
  const policies = await Promise.all([readBase("registry.json"), readHead("registry.json")]);
  [baseState.policy, baseState.policyError] = [policies[0].content, policies[0].error];
  [headState.policy, headState.policyError] = [policies[1].content, policies[1].error];
  if (after.layout === 2) {
    headState.derived = [];
    if (before.layout === 2) baseState.catalog = await readBase(CATALOG_PATH);
    headState.catalog = await readHead(CATALOG_PATH);
  }
  for (const name of models) {
    const baseFiles = await listVersionFiles(before, name, null);
    const headFiles = await listVersionFiles(after, name, problems);
    for (const path of baseFiles) baseState.versions.push(await readBase(path));
    for (const path of headFiles) headState.versions.push(await readHead(path));
    if (headState.derived) {
      for (const path of await derivedPaths(after, name, problems))
        headState.derived.push(await readHead(path));
    } else if (headFiles.length > 0 || await exists(after, `models/${name}/index.json`)) {
      const index = await readHead(`models/${name}/index.json`);
      if (index.content !== null || index.error !== void 0) headState.indexes.push(index);
    }
  }
  return { base: baseState, head: headState, models, otherPaths: await changedOtherPaths(before, after) };
}
async function changedOtherPaths(before, after) {
  if (!before.rootNames || !after.rootNames || !before.objectId || !after.objectId) return [];
  const names = [.../* @__PURE__ */ new Set([...await before.rootNames(), ...await after.rootNames()])].sort();
  const changed = [];
  for (const name of names.filter((n) => n !== "registry.json" && n !== CATALOG_PATH && n !== "models")) {
    if (await before.objectId(name) !== await after.objectId(name)) changed.push(name);
  }
  return changed;
}
async function changedModels(before, after) {
  const names = [.../* @__PURE__ */ new Set([...await before.modelNames(), ...await after.modelNames()])].sort();
  if (!before.objectId || !after.objectId) return names;
  const changed = [];
  for (const name of names) {
    const [a, b] = await Promise.all([before.objectId(`models/${name}`), after.objectId(`models/${name}`)]);
    if (a !== b) changed.push(name);
  }
  return changed;
}
async function listVersionFiles(snapshot, name, problems) {
  try {
    return (await snapshot.versionFileNames(name)).map(
      (version) => snapshot.layout === 2 ? versionFilePath(name, version) : `models/${name}/${version}.json`
    );
  } catch (error) {
    if (!isRegistryError(error) || error.kind !== "invalid-input") throw error;
    problems?.push({ path: `models/${name}`, message: `models/${name}: ${error.message}` });
    return [];
  }
}
async function derivedPaths(snapshot, name, problems) {
  try {
    const paths = await snapshot.objectId(headPath(name)) ? [headPath(name)] : [];
    for (const day of await snapshot.rowDays(name)) paths.push(...(await snapshot.readDay(name, day)).paths);
    return paths;
  } catch (error) {
    if (!isRegistryError(error)) throw error;
    problems.push({ path: `models/${name}/rows`, message: error.message });
    return [];
  }
}
async function exists(snapshot, path) {
  return snapshot.objectId ? await snapshot.objectId(path) !== null : true;
}
async function readDocument(backend, snapshot, commit, path) {
  try {
    const content = snapshot.readJson ? await snapshot.readJson(path) : await backend.readJsonAt(commit, path);
    return { path, content };
  } catch (error) {
    if (error instanceof RegistryError && (error.kind === "integrity" || error.kind === "invalid-input")) {
      return { path, content: null, error: error.message };
    }
    throw error;
  }
}

export {
  check,
  commitOf,
  readChange
};
