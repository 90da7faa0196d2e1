import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  renderRegistered
} from "./cli-chunk-PPDLJNA7.js";
import {
  LAST_CLEANUP_KEY,
  cleanup
} from "./cli-chunk-OPOUWUD4.js";
import {
  metricsFromAssignments
} from "./cli-chunk-FK236CVL.js";
import {
  either,
  jsonFrom,
  metricsFrom,
  tagsFrom
} from "./cli-chunk-7ROMD3FF.js";
import "./cli-chunk-RXOADDI2.js";
import {
  parseMetricsObject
} from "./cli-chunk-ODUTP5J6.js";
import {
  checkRequiredMetadata
} from "./cli-chunk-AXKDXKZX.js";
import {
  versionPath
} from "./cli-chunk-4O472LWZ.js";
import {
  storedBytesInUse
} from "./cli-chunk-CTHGCPXA.js";
import {
  isDirectoryPath,
  putDirectory,
  scanDirectory
} from "./cli-chunk-GGVWWMIJ.js";
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
  fileArtifacts,
  hashFile
} from "./cli-chunk-JEUBDBLZ.js";
import "./cli-chunk-MB6ER4TW.js";
import {
  validateModelVersion
} from "./cli-chunk-B6Z2EQO6.js";
import "./cli-chunk-TZFTDHNG.js";
import {
  allVersions,
  resolveParent
} from "./cli-chunk-KHQVBMNE.js";
import "./cli-chunk-UXTHZPF7.js";
import "./cli-chunk-RQQIPJBH.js";
import "./cli-chunk-6LSYP2EM.js";
import {
  formatReference
} from "./cli-chunk-NCQXE2WX.js";
import {
  makeModelId
} from "./cli-chunk-FJL5TYMF.js";
import "./cli-chunk-NMVSHCH7.js";
import {
  dayOfTime
} from "./cli-chunk-QINJBCE2.js";
import {
  parseModelType,
  parseName,
  parseStage,
  parseTag
} from "./cli-chunk-TPXH7SUW.js";
import {
  isOpenRegistrationStage
} from "./cli-chunk-NRZ3EPD3.js";
import {
  RegistryError,
  invalidInput,
  isRegistryError,
  nextVersion,
  parseBump,
  parseVersion,
  refused
} from "./cli-chunk-VHUSGLFD.js";
import "./cli-chunk-WXNRKKY2.js";

// src/commands/register.ts
import { stat } from "node:fs/promises";
import { extname } from "node:path";

// src/commands/auto-cleanup.ts
var DEFAULT_INTERVAL_HOURS = 24;
async function maybeAutoCleanup(ctx) {
  if (!ctx.state) return null;
  const { retention } = (await ctx.backend.snapshot()).policy;
  if (!retention.auto_cleanup) return null;
  const last = Date.parse(await ctx.state.read(LAST_CLEANUP_KEY) ?? "");
  const intervalMs = (retention.cleanup_interval_hours ?? DEFAULT_INTERVAL_HOURS) * 36e5;
  if (Number.isFinite(last) && ctx.now().getTime() - last < intervalMs) return null;
  return cleanup(ctx, {});
}

// src/commands/register-draft.ts
var IdentityTaken = class extends Error {
};
async function draftVersion(ctx, snapshot, input, digest, store, scanned) {
  const policy = snapshot.policy;
  const stage = input.stage === void 0 ? policy.initial_stage : parseStage(policy, input.stage);
  checkRegistrationStage(policy, stage);
  const now = ctx.now();
  const taken = await takenIdentities(snapshot, input.name, now);
  const version = await chooseVersion(snapshot, taken, input);
  const modelId = makeModelId(input.name, now, taken.modelIds);
  const parent = input.parent === void 0 ? null : (await resolveParent(snapshot, input.parent)).model_id;
  const fileName = `${modelId}${input.extension}`;
  const artifact = {
    store: store.kind,
    file_name: fileName,
    size: digest.size,
    sha256: digest.sha256,
    media_type: input.mediaType ?? "application/octet-stream",
    ...scanned ? { manifest: scanned.entries } : {}
  };
  const registeredAt = now.toISOString();
  const doc = {
    schema_version: 1,
    model_id: modelId,
    name: input.name,
    model_type: input.modelType,
    version,
    created_at: input.createdAt.toISOString(),
    registered_at: registeredAt,
    file_path: fileName,
    metadata_path: versionPath(input.name, version),
    checksum: digest.sha256,
    artifact,
    model_config: input.config ?? {},
    training_metadata: input.training ?? {},
    deployment_stage: stage,
    deployed_at: stage === policy.initial_stage ? null : registeredAt,
    stage_history: [{ stage, at: registeredAt, by: ctx.actor, via: "register" }],
    performance_metrics: input.metrics,
    tags: input.tags,
    notes: input.notes ?? "",
    parent_model_id: parent,
    dataset_version: input.datasetVersion ?? null,
    source: ctx.source ?? {}
  };
  validateModelVersion(doc, `${formatReference(doc)}`, "invalid-input");
  const missing = checkRequiredMetadata(policy, doc).filter((r) => r.status === "fail");
  if (missing.length > 0) {
    throw refused(`registry.json requires metadata: ${missing.map((r) => r.message).join("; ")}`, {
      gates: missing
    });
  }
  return doc;
}
async function takenIdentities(snapshot, name, at) {
  const head = await snapshot.readHead(name);
  const day = dayOfTime(at.toISOString());
  const rows = head ? (await snapshot.readDay(name, day)).rows : [];
  return { highest: head ? [head.highest] : [], modelIds: new Set(rows.map((r) => r.model_id)) };
}
async function chooseVersion(snapshot, taken, input) {
  if (input.explicitVersion === void 0) {
    return nextVersion([...taken.highest, ...input.refusedVersions], input.bump ?? "patch");
  }
  if (await snapshot.readVersion(input.name, input.explicitVersion)) {
    throw versionExists(input.name, input.explicitVersion);
  }
  return input.explicitVersion;
}
function checkRegistrationStage(policy, stage) {
  if (!isOpenRegistrationStage(policy, stage)) {
    throw refused(
      (w) => `cannot register straight into "${stage}" (gated or exclusive): register into ${policy.initial_stage}, then ${w.command("promote", { reference: "NAME@VERSION", stage })}`,
      { field: "stage", value: stage, reason: "gated-or-exclusive" }
    );
  }
}
function versionExists(name, version) {
  return invalidInput(
    (w) => `${name}@${version} already exists: choose another ${w.field("version")}, or leave it out to bump automatically`,
    { field: "version", value: version, reason: "exists" }
  );
}
async function claimIdentity(snapshot, doc, identity) {
  const registeredAt = new Date(doc.registered_at);
  const taken = await takenIdentities(snapshot, doc.name, registeredAt);
  const versionTaken = await snapshot.readVersion(doc.name, doc.version) !== null;
  const idTaken = taken.modelIds.has(doc.model_id);
  if (!versionTaken && !idTaken) return doc;
  if (versionTaken && identity.explicit) {
    throw versionExists(doc.name, doc.version);
  }
  if (!identity.rebindable) throw new IdentityTaken();
  const version = versionTaken ? nextVersion(taken.highest, identity.bump) : doc.version;
  const modelId = makeModelId(doc.name, registeredAt, taken.modelIds);
  const fileName = `${modelId}${identity.extension}`;
  return {
    ...doc,
    version,
    model_id: modelId,
    metadata_path: versionPath(doc.name, version),
    artifact: { ...doc.artifact, file_name: fileName }
  };
}

// src/commands/register.ts
var MAX_IDENTITY_ATTEMPTS = 8;
function identityBackoff(attempt) {
  const step = Math.min(2e3, 100 * 2 ** (attempt - 1));
  return Math.round(step / 2 + Math.random() * (step / 2));
}
var sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function register(ctx, input) {
  const modelType = parseModelType(input.modelType);
  const name = input.name === void 0 ? modelType : parseName(input.name);
  const explicitVersion = input.version === void 0 ? void 0 : parseVersion(input.version);
  if (explicitVersion && input.bump)
    throw invalidInput((w) => `give either ${w.field("version")} or ${w.field("bump")}, not both`, {
      field: "bump",
      value: input.bump,
      reason: "excludes-version"
    });
  const tags = [...new Set((input.tags ?? []).map(parseTag))];
  const metrics = parseMetricsObject(input.metrics ?? {}, "metrics");
  const scanned = await isDirectoryPath(input.file) ? await scanDirectory(input.file) : void 0;
  const extension = scanned ? "" : safeExtension(input.file);
  const digest = scanned?.digest ?? await hashFile(input.file, ctx.progress?.("hashing"));
  const createdAt = input.createdAt ?? (await stat(input.file)).mtime;
  const store = await openStore(ctx);
  const refusedVersions = /* @__PURE__ */ new Set();
  for (let attempt = 1; attempt <= MAX_IDENTITY_ATTEMPTS; attempt++) {
    const snapshot = await ctx.backend.snapshot();
    const draft = await draftVersion(
      ctx,
      snapshot,
      { ...input, name, modelType, tags, metrics, explicitVersion, extension, createdAt, refusedVersions },
      digest,
      store,
      scanned
    );
    let stored;
    let created;
    let leases;
    try {
      const target = {
        name,
        version: draft.version,
        model_id: draft.model_id,
        file_name: draft.artifact.file_name,
        media_type: draft.artifact.media_type,
        commit: ctx.source?.commit,
        description: releaseDescription(draft),
        compression: snapshot.policy.artifacts.compression
      };
      if (scanned) {
        const put = await putDirectory(store, scanned, target);
        stored = { artifact: put.artifact, file_path: put.file_path, created: put.created.length > 0 };
        created = put.created;
        leases = put.leases;
      } else {
        stored = await store.put(input.file, target, digest);
        created = stored.created ? [stored] : [];
        leases = stored.lease ? [stored.lease] : [];
      }
    } catch (error) {
      if (!isRegistryError(error) || error.kind !== "conflict") throw error;
      if (explicitVersion !== void 0) throw slotRefused(name, explicitVersion, error);
      refusedVersions.add(draft.version);
      ctx.notice?.(`skipping version ${draft.version} of ${name}: ${error.message}`);
      if (error.details?.reason !== "tag-reserved") await sleep(identityBackoff(attempt));
      continue;
    }
    let registered;
    try {
      registered = await commitVersion(ctx, draft, stored, {
        explicit: explicitVersion !== void 0,
        rebindable: !store.bindsVersion,
        bump: input.bump ?? "patch",
        extension
      });
    } catch (error) {
      for (const lease of leases) await lease.settle(false);
      await undoPut(ctx, store, created);
      if (!(error instanceof IdentityTaken)) throw error;
      await sleep(identityBackoff(attempt));
      continue;
    }
    await settleAll(leases);
    await finishPut(ctx, store, registered);
    await autoCleanupAfter(ctx);
    return registered;
  }
  throw new RegistryError(
    "conflict",
    `could not register ${name}: other writers kept taking the next version; try again`
  );
}
async function settleAll(leases) {
  let failure;
  for (const lease of leases) await lease.settle(true).catch((error) => failure ??= error);
  if (failure !== void 0) throw failure;
}
async function finishPut(ctx, store, version) {
  try {
    await store.finish(version.artifact);
  } catch (error) {
    ctx.notice?.(
      `${formatReference(version)} is registered, but publishing its stored artifact failed (${error.message}); the next cleanup finishes it`
    );
  }
}
function slotRefused(name, version, error) {
  const reserved = error.details?.reason === "tag-reserved";
  const why = reserved ? `its release tag ${name}@v${version} was used by a deleted immutable release, and GitHub never frees such a tag` : `its release tag ${name}@v${version} is already used by a published release`;
  return new RegistryError(
    "conflict",
    `cannot register ${name}@${version}: ${why}; choose another version, or leave it out to take the next free one`,
    { ...error.details, field: "version", value: version, reason: reserved ? "tag-reserved" : "exists" }
  );
}
async function autoCleanupAfter(ctx) {
  try {
    const outcome = await maybeAutoCleanup(ctx);
    if (outcome && outcome.deleted_count > 0) {
      ctx.notice?.(
        `auto cleanup archived ${outcome.deleted_count} old version(s) (retention.keep_last ${outcome.keep_last})`
      );
    }
  } catch (error) {
    ctx.notice?.(`auto cleanup failed (the registration itself succeeded): ${error.message}`);
  }
}
async function commitVersion(ctx, draft, stored, identity) {
  const base = { ...draft, artifact: stored.artifact, file_path: stored.file_path };
  const outcome = await updateRegistry(ctx, async (snapshot) => {
    const doc = await claimIdentity(snapshot, base, identity);
    const trailers = { "Model-Id": doc.model_id, Sha256: doc.checksum };
    if (doc.source.workflow_run) trailers["Workflow-Run"] = doc.source.workflow_run;
    if (doc.source.commit) trailers["Source-Commit"] = doc.source.commit;
    return {
      change: {
        subject: `register ${doc.name} ${doc.version} (${doc.deployment_stage})`,
        trailers,
        files: await layoutWrites(snapshot, { upserts: [doc] })
      },
      result: doc
    };
  });
  return outcome.result;
}
async function undoPut(ctx, store, created) {
  if (created.length === 0) return;
  try {
    const used = store.kind === "local" ? new Set(
      (await allVersions(await ctx.backend.snapshot())).filter((v) => !v.artifact.deleted).flatMap((v) => fileArtifacts(v.artifact).map((a) => a.sha256))
    ) : /* @__PURE__ */ new Set();
    for (const stored of created)
      if (!used.has(stored.artifact.sha256)) await store.remove(stored.artifact, storedBytesInUse(ctx));
  } catch (error) {
    ctx.notice?.(
      `could not remove the stored artifact after a failed registration: ${error.message}`
    );
  }
}
function safeExtension(file) {
  const extension = extname(file);
  return /^\.[A-Za-z0-9._-]{1,16}$/.test(extension) ? extension : "";
}
function releaseDescription(doc) {
  const metrics = Object.entries(doc.performance_metrics).map(([k, v]) => `${k}=${v}`).join(", ");
  return [`${formatReference(doc)} (${doc.model_type})`, metrics && `metrics: ${metrics}`, doc.notes].filter(Boolean).join("\n");
}

// src/cli/run/register.ts
async function run(cli, fileArgument, o) {
  const file = either({ file: fileArgument, modelPath: o.modelPath }, "file", "model-path");
  if (file === void 0) throw invalidInput("name the model file: mreg register FILE --type TYPE");
  const modelType = either(o, "type", "model-type");
  if (modelType === void 0)
    throw invalidInput("required option '--type <type>' not specified (or --model-type)", {
      field: "type"
    });
  const input = {
    file,
    modelType,
    name: o.name,
    version: o.version,
    bump: o.bump ? parseBump(o.bump) : void 0,
    metrics: await metricsFrom(o, metricsFromAssignments(o.metric)),
    config: await jsonFrom(o, "config-file", "config"),
    training: await jsonFrom(o, "training-file", "training-metadata"),
    tags: tagsFrom(o),
    notes: o.notes,
    parent: o.parent,
    datasetVersion: o.datasetVersion,
    stage: o.stage,
    mediaType: o.mediaType
  };
  cli.emit(await cli.firstWrite((ctx) => register(ctx, input), true), renderRegistered);
}
export {
  run
};
