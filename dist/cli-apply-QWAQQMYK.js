import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  renderApply
} from "./cli-chunk-AB2PSG5D.js";
import {
  commitOf,
  readChange
} from "./cli-chunk-USGPISQJ.js";
import {
  isDirectChangeAllowed,
  parsePolicy,
  stageChanges
} from "./cli-chunk-OLF3ZM3S.js";
import "./cli-chunk-AXKDXKZX.js";
import "./cli-chunk-7BOAOEDD.js";
import "./cli-chunk-4O472LWZ.js";
import {
  validateModelVersion
} from "./cli-chunk-B6Z2EQO6.js";
import "./cli-chunk-6LSYP2EM.js";
import "./cli-chunk-NCQXE2WX.js";
import "./cli-chunk-FJL5TYMF.js";
import "./cli-chunk-NMVSHCH7.js";
import "./cli-chunk-QINJBCE2.js";
import "./cli-chunk-TPXH7SUW.js";
import {
  defaultPolicy
} from "./cli-chunk-NRZ3EPD3.js";
import {
  RegistryError,
  isRegistryError
} from "./cli-chunk-VHUSGLFD.js";
import "./cli-chunk-WXNRKKY2.js";

// src/commands/apply.ts
var MAX_STEPS = 500;
var ZERO = /^0{40}$/;
async function apply(ctx, input) {
  const after = await commitOf(ctx.backend, input.after);
  const before = input.before === null || ZERO.test(input.before) ? null : await commitOf(ctx.backend, input.before);
  const { steps, rewritten } = await walk(ctx.backend, before, after);
  const moves = [];
  for (const step of steps) {
    for (const move of await stepChanges(ctx.backend, step.parent, step.commit)) {
      moves.push({ ...move, commit: step.commit });
    }
  }
  const net = /* @__PURE__ */ new Map();
  for (const { change, commit } of moves) {
    const key = `${change.name}@${change.version}`;
    const earlier = net.get(key);
    net.delete(key);
    net.set(key, { ...change, from: earlier ? earlier.from : change.from, commit });
  }
  const changes = [...net.values()].filter((c) => c.from !== c.to);
  const unreviewed = [];
  const review = ctx.review;
  if (review) {
    const why = /* @__PURE__ */ new Map();
    for (const { change, commit, version, policy } of moves) {
      if (isDirectChangeAllowed(policy, change, version)) continue;
      if (!why.has(commit)) why.set(commit, await unmergedReason(ctx.backend, review, commit));
      const reason = why.get(commit);
      if (reason) {
        unreviewed.push({
          ...change,
          commit,
          reason: `commit ${commit.slice(0, 12)} moved ${change.name}@${change.version} ${change.from ?? "(new)"} \u2192 ${change.to} without a merged pull request: ${reason}`
        });
      }
    }
  }
  return {
    before,
    after,
    changes,
    unreviewed,
    review: review ? "pull-request" : "not-applicable",
    commits: steps.length,
    rewritten
  };
}
async function unmergedReason(backend, review, commit) {
  const { merged, pulls, waitedMs } = await review.mergedPullFor(commit);
  if (merged) return null;
  const seconds = `${Math.round(waitedMs / 100) / 10} s`;
  if (pulls.length > 0) {
    return `its pull request ${pulls.map((p) => `#${p.number}`).join(", ")} is not merged`;
  }
  const parents = backend.parents ? await backend.parents(commit) : [];
  return parents.length > 1 ? `no pull request found after ${seconds} (GitHub may still be linking it)` : `pushed directly (no pull request found after ${seconds})`;
}
async function walk(backend, before, after) {
  if (before === after) return { steps: [], rewritten: false };
  const whole = (rewritten) => ({ steps: [{ parent: before, commit: after }], rewritten });
  if (!backend.parents || before === null) return whole(false);
  const steps = [];
  let commit = after;
  while (steps.length < MAX_STEPS) {
    const [parent] = await backend.parents(commit);
    steps.push({ parent: parent ?? null, commit });
    if (parent === before) return { steps: steps.reverse(), rewritten: false };
    if (parent === void 0) return whole(true);
    commit = parent;
  }
  return whole(false);
}
async function stepChanges(backend, parent, commit) {
  const read = await readStep(backend, parent, commit);
  const policy = read.policy;
  const byKey = new Map(read.after.map((v) => [`${v.name}@${v.version}`, v]));
  return stageChanges(read.before, read.after).map((change) => ({
    change,
    version: byKey.get(`${change.name}@${change.version}`),
    policy
  }));
}
async function readStep(backend, parent, commit) {
  if (parent === null) {
    const snapshot = await backend.snapshotAt(commit);
    const documents = [];
    for (const name of await snapshot.modelNames()) {
      for (const version of await snapshot.versionFileNames(name).catch(() => [])) {
        const doc = await snapshot.readVersion(name, version).catch(ignoreInvalid);
        if (doc) documents.push(doc);
      }
    }
    return {
      before: [],
      after: documents,
      policy: policyOf(await backend.readJsonAt(commit, "registry.json"))
    };
  }
  const { base, head } = await readChange(backend, parent, commit);
  return {
    before: valid(base.versions),
    after: valid(head.versions),
    // The rules in force when the step was made: its parent's.
    policy: policyOf(base.policy)
  };
}
function valid(documents) {
  return documents.flatMap((d) => {
    if (d.error !== void 0) return [];
    try {
      return [validateModelVersion(d.content, d.path)];
    } catch (error) {
      if (isRegistryError(error)) return [];
      throw error;
    }
  });
}
function policyOf(raw) {
  const parsed = parsePolicy(raw);
  return typeof parsed === "string" ? defaultPolicy() : parsed;
}
function ignoreInvalid(error) {
  if (error instanceof RegistryError && (error.kind === "integrity" || error.kind === "invalid-input"))
    return null;
  throw error;
}

// src/cli/run/apply.ts
async function run(cli, before, after) {
  cli.emit(await apply(await cli.context(), { before, after }), renderApply);
}
export {
  run
};
