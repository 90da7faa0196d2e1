import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  auditStore,
  storedBytesInUse
} from "./cli-chunk-CTHGCPXA.js";
import {
  layoutWrites
} from "./cli-chunk-VF7KWAZ3.js";
import {
  openStore
} from "./cli-chunk-MVR2ZMI5.js";
import {
  updateRegistry
} from "./cli-chunk-IFZ7CLCE.js";
import {
  allVersions
} from "./cli-chunk-KHQVBMNE.js";
import {
  formatReference
} from "./cli-chunk-NCQXE2WX.js";
import {
  invalidInput,
  isArchived,
  newestFirst,
  registeredAtMs
} from "./cli-chunk-VHUSGLFD.js";

// src/domain/retention.ts
var DAY_MS = 24 * 60 * 60 * 1e3;
function settings(options) {
  const keepLast = options.keepLast ?? options.retention.keep_last;
  const minAgeDays = options.minAgeDays ?? options.retention.min_age_days;
  if (!Number.isInteger(keepLast) || keepLast < 1) {
    throw invalidInput(`invalid keep-last ${keepLast}: use a whole number of at least 1`);
  }
  if (!Number.isFinite(minAgeDays) || minAgeDays < 0) {
    throw invalidInput(`invalid minimum age ${minAgeDays} days: use a number of days of at least 0`);
  }
  return { keepLast, minAgeDays };
}
function protectedChildren(versions, protect) {
  const children = /* @__PURE__ */ new Map();
  for (const v of versions) {
    if (v.parent_model_id && !isArchived(v) && protect.has(v.deployment_stage) && !children.has(v.parent_model_id)) {
      children.set(v.parent_model_id, v);
    }
  }
  return children;
}
function planRetention(input) {
  const { keepLast, minAgeDays } = settings(input);
  const protect = new Set(input.retention.protect_stages);
  const children = protectedChildren([...input.versions, ...input.related ?? []], protect);
  const newest = new Set(
    input.versions.filter((v) => !isArchived(v)).sort(newestFirst).slice(0, keepLast)
  );
  const now = input.now.getTime();
  return input.versions.map((version) => {
    if (isArchived(version)) return { version, action: "keep", reason: "already archived" };
    if (newest.has(version)) return { version, action: "keep", reason: `within last ${keepLast}` };
    if (protect.has(version.deployment_stage)) {
      return { version, action: "keep", reason: `protected stage: ${version.deployment_stage}` };
    }
    const child = children.get(version.model_id);
    if (child) {
      return {
        version,
        action: "keep",
        reason: `parent of ${formatReference(child)} (${child.deployment_stage})`
      };
    }
    if (minAgeDays > 0 && now - registeredAtMs(version) < minAgeDays * DAY_MS) {
      return { version, action: "keep", reason: `younger than ${minAgeDays} days` };
    }
    return { version, action: "delete", reason: `older than the last ${keepLast} and not protected` };
  });
}

// src/commands/cleanup.ts
var LAST_CLEANUP_KEY = "last-cleanup";
async function cleanup(ctx, input = {}) {
  if (input.keepLast !== void 0 && (!Number.isInteger(input.keepLast) || input.keepLast < 1)) {
    throw invalidInput(
      (w) => `${w.field("keep-last")} must be a whole number of at least 1, got ${input.keepLast}`,
      {
        field: "keep-last",
        value: input.keepLast,
        reason: "not-a-whole-number-at-least-1"
      }
    );
  }
  if (input.minAgeDays !== void 0 && !(input.minAgeDays >= 0)) {
    throw invalidInput(
      (w) => `${w.field("min-age-days")} must be a number of days \u2265 0, got ${input.minAgeDays}`,
      {
        field: "min-age-days",
        value: input.minAgeDays,
        reason: "negative"
      }
    );
  }
  const snapshot = await ctx.backend.snapshot();
  const planned = await plan(snapshot, ctx.now(), input);
  const outcome = {
    dry_run: input.dryRun === true,
    mode: snapshot.policy.retention.mode,
    keep_last: input.keepLast ?? snapshot.policy.retention.keep_last,
    decisions: planned.map(toDecision),
    deleted_count: 0,
    freed_bytes: 0,
    commit: null,
    swept: [],
    missing: [],
    finished: []
  };
  const deletions = planned.filter((d) => d.action === "delete");
  outcome.deleted_count = deletions.length;
  const store = await openStore(ctx);
  if (input.dryRun) {
    const afterPlan = planned.map(
      (d) => d.action === "delete" ? tombstone(d, ctx.now().toISOString(), ctx.actor) : d.version
    );
    const audit2 = await auditStore(store, snapshot.policy, ctx.now(), afterPlan);
    report(
      outcome,
      audit2,
      deletions.map((d) => d.version)
    );
    outcome.freed_bytes = sumBytes(outcome.swept);
    return outcome;
  }
  let removed = [];
  if (deletions.length > 0) {
    const committed = await updateRegistry(ctx, async (tip) => {
      const decisions = (await plan(tip, ctx.now(), input)).filter((d) => d.action === "delete");
      if (decisions.length === 0) return { change: null, result: [] };
      return {
        change: await retentionChange(tip, decisions, ctx),
        result: decisions.map((d) => d.version)
      };
    });
    outcome.commit = committed.changed ? committed.commit : null;
    removed = committed.result;
    outcome.deleted_count = removed.length;
  }
  const after = await ctx.backend.snapshot();
  const audit = await auditStore(store, after.policy, ctx.now(), await allVersions(after), removed);
  report(outcome, audit, removed);
  const inUse = storedBytesInUse(ctx);
  if (audit) {
    for (const version of audit.unfinished) await store.finish(version.artifact);
    for (const item of audit.unused) await store.removeStored?.(item, inUse);
    const listed = new Set(audit.unused.map((item) => item.owner?.release_id));
    for (const version of removed) {
      const release = version.artifact.release;
      if (!release || listed.has(release.id)) continue;
      await store.remove(version.artifact, inUse);
      outcome.swept.push({
        id: String(release.id),
        label: `release ${release.tag}`,
        size: version.artifact.size
      });
    }
  } else {
    for (const version of removed) await store.remove(version.artifact, inUse);
  }
  outcome.freed_bytes = sumBytes(outcome.swept);
  await ctx.state?.write(LAST_CLEANUP_KEY, ctx.now().toISOString());
  return outcome;
}
async function plan(snapshot, now, input) {
  const decisions = [];
  for (const name of await snapshot.modelNames()) {
    const index = await snapshot.readIndex(name);
    if (!index) continue;
    decisions.push(
      ...planRetention({
        versions: index.versions,
        retention: snapshot.policy.retention,
        now,
        keepLast: input.keepLast,
        minAgeDays: input.minAgeDays
      })
    );
  }
  return decisions;
}
async function retentionChange(snapshot, decisions, ctx) {
  const policy = snapshot.policy;
  const at = ctx.now().toISOString();
  const files = policy.retention.mode === "remove" ? await layoutWrites(snapshot, { removals: decisions.map((d) => d.version) }) : await layoutWrites(snapshot, { upserts: decisions.map((d) => tombstone(d, at, ctx.actor)) });
  const verb = policy.retention.mode === "remove" ? "remove" : "archive";
  return {
    subject: `cleanup: ${verb} ${decisions.length} version${decisions.length === 1 ? "" : "s"}`,
    body: decisions.map((d) => `${verb} ${formatReference(d.version)}: ${d.reason}`).join("\n"),
    trailers: { "Cleanup-Count": String(decisions.length) },
    files
  };
}
function tombstone(decision, at, actor) {
  const version = decision.version;
  return {
    ...version,
    deployment_stage: "archived",
    deployed_at: at,
    archived_at: at,
    // GitHub never frees the tag of an immutable release: say so where the audit trail keeps it.
    reason: version.artifact.release?.immutable ? `${decision.reason}; tag ${version.artifact.release.tag} stays reserved (immutable release)` : decision.reason,
    artifact: { ...version.artifact, deleted: true },
    stage_history: [...version.stage_history, { stage: "archived", at, by: actor, via: "cleanup" }]
  };
}
function report(outcome, audit, deleted) {
  if (!audit) {
    outcome.swept = deleted.map((v) => ({ id: v.model_id, label: v.artifact.file_name, size: v.artifact.size }));
    return;
  }
  outcome.swept = audit.unused.map((item) => ({ id: item.id, label: item.label, size: item.size }));
  outcome.missing = audit.missing.map(formatReference);
  outcome.finished = audit.unfinished.map(formatReference);
}
function sumBytes(objects) {
  return objects.reduce((sum, o) => sum + o.size, 0);
}
function toDecision(decision) {
  const v = decision.version;
  return {
    reference: formatReference(v),
    model_id: v.model_id,
    stage: v.deployment_stage,
    registered_at: v.registered_at,
    action: decision.action,
    reason: decision.reason,
    bytes: v.artifact.size
  };
}

export {
  LAST_CLEANUP_KEY,
  cleanup
};
