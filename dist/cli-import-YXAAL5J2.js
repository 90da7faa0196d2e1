import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  DEFAULT_BATCH
} from "./cli-chunk-DKIO2JZ4.js";
import {
  positiveInteger
} from "./cli-chunk-FK236CVL.js";
import {
  parseMetricsObject
} from "./cli-chunk-ODUTP5J6.js";
import {
  versionPath
} from "./cli-chunk-4O472LWZ.js";
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
  errorCode,
  hashFile
} from "./cli-chunk-JEUBDBLZ.js";
import "./cli-chunk-MB6ER4TW.js";
import {
  validateModelVersion
} from "./cli-chunk-B6Z2EQO6.js";
import {
  formatBytes
} from "./cli-chunk-TZFTDHNG.js";
import "./cli-chunk-UXTHZPF7.js";
import "./cli-chunk-RQQIPJBH.js";
import {
  table
} from "./cli-chunk-6LSYP2EM.js";
import {
  isModelId,
  nameFromModelId
} from "./cli-chunk-FJL5TYMF.js";
import "./cli-chunk-NMVSHCH7.js";
import {
  versionFilePath
} from "./cli-chunk-QINJBCE2.js";
import {
  parseModelType,
  parseTag
} from "./cli-chunk-TPXH7SUW.js";
import "./cli-chunk-NRZ3EPD3.js";
import {
  ARCHIVED_STAGE,
  RegistryError,
  compareSemver,
  integrityError,
  invalidInput,
  isRegistryError,
  isVersion
} from "./cli-chunk-VHUSGLFD.js";
import "./cli-chunk-WXNRKKY2.js";

// src/commands/import.ts
import { basename } from "node:path";

// src/domain/legacy.ts
var SHORT_ID = /^[a-z0-9][a-z0-9_.-]{0,62}_[0-9]{8}_[0-9]{4}$/;
var NUMERIC_PREFIX = /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?$/;
var NAIVE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
var ZONED_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
var SHA256 = /^[0-9a-fA-F]{64}$/;
var STAGE_ALIASES = { dev: "development" };
function mapLegacyVersion(value, where) {
  if (typeof value !== "string") {
    throw invalidInput(`${where}: version must be a string such as "1.2.0", got ${describe(value)}`);
  }
  const literal = /^[vV]/.test(value) ? value.slice(1) : value;
  if (isVersion(literal)) return literal;
  if (NUMERIC_PREFIX.test(literal)) return [...literal.split("."), "0", "0"].slice(0, 3).join(".");
  throw invalidInput(
    `${where}: version "${value}" cannot be mapped to semver (MAJOR.MINOR.PATCH; "v1.2.3", "1.2" and "1" are accepted); fix it in the file`
  );
}
function mapLegacyModelId(value, where, field = "model_id") {
  if (typeof value === "string" && isModelId(value)) return value;
  if (typeof value === "string" && SHORT_ID.test(value)) return `${value}00`;
  throw invalidInput(
    `${where}: ${field} ${describe(value)} is not <model_type>_YYYYMMDD_HHMMSS (or _HHMM), e.g. isolation_forest_20241205_143000; fix it in the file`
  );
}
function mapLegacyTime(value, field, where) {
  if (typeof value === "string" && (NAIVE_TIME.test(value) || ZONED_TIME.test(value))) {
    const iso = value.replace(" ", "T");
    const ms = Date.parse(NAIVE_TIME.test(value) ? `${iso}Z` : iso);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  throw invalidInput(
    `${where}: ${field} ${describe(value)} is not an ISO 8601 time such as 2024-12-05T14:30:00`
  );
}
function mapLegacyStage(value, policy, where) {
  const raw = typeof value === "string" ? value.toLowerCase() : value;
  const stage = typeof raw === "string" ? STAGE_ALIASES[raw] ?? raw : raw;
  if (typeof stage === "string" && stage !== ARCHIVED_STAGE && policy.stages.includes(stage)) return stage;
  const allowed = policy.stages.filter((s) => s !== ARCHIVED_STAGE).join(", ");
  throw invalidInput(
    `${where}: deployment_stage ${describe(value)} is not one of ${allowed}; fix it in the file`
  );
}
function readLegacyRecord(raw, context) {
  const { where } = context;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw invalidInput(`${where}: expected a JSON object (one version's metadata)`);
  }
  const doc = raw;
  const modelType = parseModelTypeIn(doc.model_type, where);
  if (modelType !== context.modelType) {
    throw invalidInput(
      `${where}: model_type is "${modelType}" but the file is under metadata/${context.modelType}/; move the file or fix the field`
    );
  }
  if (doc.model_id !== context.stem) {
    throw invalidInput(
      `${where}: model_id ${describe(doc.model_id)} differs from the file name "${context.stem}"; the Python registry names both files after the model_id`
    );
  }
  const modelId = mapLegacyModelId(doc.model_id, where);
  if (nameFromModelId(modelId) !== modelType) {
    throw invalidInput(`${where}: model_id "${modelId}" does not start with its model_type "${modelType}_"`);
  }
  const version = mapLegacyVersion(doc.version, where);
  const registeredAt = mapLegacyTime(doc.registered_at, "registered_at", where);
  const parent = doc.parent_model_id ?? null;
  return {
    model_id: modelId,
    model_type: modelType,
    version,
    created_at: doc.created_at == null ? registeredAt : mapLegacyTime(doc.created_at, "created_at", where),
    registered_at: registeredAt,
    checksum: checksumIn(doc.checksum, where),
    model_config: objectIn(doc.model_config, "model_config", where),
    training_metadata: objectIn(doc.training_metadata, "training_metadata", where),
    deployment_stage: mapLegacyStage(
      doc.deployment_stage ?? context.policy.initial_stage,
      context.policy,
      where
    ),
    deployed_at: doc.deployed_at == null ? null : mapLegacyTime(doc.deployed_at, "deployed_at", where),
    performance_metrics: parseMetricsObject(doc.performance_metrics ?? {}, `${where}: performance_metrics`),
    tags: tagsIn(doc.tags, where),
    notes: optionalString(doc.notes, "notes", where) ?? "",
    parent_model_id: parent === null ? null : mapLegacyModelId(parent, where, "parent_model_id"),
    dataset_version: optionalString(doc.dataset_version, "dataset_version", where),
    rewritten: {
      ...version !== doc.version ? { version: String(doc.version) } : {},
      ...modelId !== doc.model_id ? { model_id: String(doc.model_id) } : {}
    }
  };
}
function importedVersion(record, landing, where) {
  const history = [
    { stage: record.deployment_stage, at: landing.at, by: landing.actor, via: "import" }
  ];
  if (landing.demotedBy !== void 0) {
    history.push({
      stage: landing.stage,
      at: landing.at,
      by: landing.actor,
      via: `demoted-by:${landing.demotedBy}`
    });
  }
  const doc = {
    schema_version: 1,
    model_id: record.model_id,
    name: record.model_type,
    model_type: record.model_type,
    version: record.version,
    created_at: record.created_at,
    registered_at: record.registered_at,
    file_path: landing.filePath,
    metadata_path: versionPath(record.model_type, record.version),
    checksum: record.checksum,
    artifact: landing.artifact,
    model_config: record.model_config,
    training_metadata: record.training_metadata,
    deployment_stage: landing.stage,
    deployed_at: record.deployed_at,
    stage_history: history,
    performance_metrics: record.performance_metrics,
    tags: record.tags,
    notes: record.notes,
    parent_model_id: record.parent_model_id,
    dataset_version: record.dataset_version,
    source: landing.source
  };
  return validateModelVersion(doc, where, "invalid-input");
}
function parseModelTypeIn(value, where) {
  if (typeof value !== "string")
    throw invalidInput(`${where}: model_type must be a string, got ${describe(value)}`);
  try {
    return parseModelType(value);
  } catch (error) {
    throw invalidInput(`${where}: ${error.message}`);
  }
}
function checksumIn(value, where) {
  if (typeof value === "string" && SHA256.test(value)) return value.toLowerCase();
  throw invalidInput(
    `${where}: checksum ${describe(value)} is not a SHA-256 (64 hex digits); the import verifies every file against it`
  );
}
function objectIn(value, field, where) {
  if (value == null) return {};
  if (typeof value === "object" && !Array.isArray(value)) return value;
  throw invalidInput(`${where}: ${field} must be a JSON object, got ${describe(value)}`);
}
function tagsIn(value, where) {
  if (value == null) return [];
  if (!Array.isArray(value))
    throw invalidInput(`${where}: tags must be a list of strings, got ${describe(value)}`);
  const tags = value.map((tag) => {
    if (typeof tag !== "string") throw invalidInput(`${where}: tags must be strings, got ${describe(tag)}`);
    try {
      return parseTag(tag);
    } catch (error) {
      throw invalidInput(`${where}: ${error.message}`);
    }
  });
  return [...new Set(tags)];
}
function optionalString(value, field, where) {
  if (value == null) return null;
  if (typeof value === "string") return value;
  throw invalidInput(`${where}: ${field} must be a string, got ${describe(value)}`);
}
function describe(value) {
  if (value === void 0) return "missing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

// src/commands/import-plan.ts
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";

// src/commands/limited.ts
async function forEachLimited(items, limit, task) {
  let next = 0;
  let failure;
  const worker = async () => {
    while (failure === void 0 && next < items.length) {
      const index = next++;
      try {
        await task(items[index], index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== void 0) throw failure.error;
}

// src/commands/import-plan.ts
var MODEL_EXTENSION = ".pkl";
var MODEL_MEDIA_TYPE = "application/octet-stream";
async function planImport(dir, snapshot, concurrency = 32) {
  const policy = snapshot.policy;
  const files = await listLegacyFiles(dir);
  const planned = [];
  await forEachLimited(files, concurrency, async (file) => {
    planned.push(await readPlannedVersion(file, policy));
  });
  planned.sort(byRegistration);
  refuseDuplicates(planned);
  const existing = /* @__PURE__ */ new Map();
  const existingModel = async (name) => {
    if (!existing.has(name)) existing.set(name, await readExisting(snapshot, name, policy));
    return existing.get(name) ?? null;
  };
  const versions = [];
  const skipped = [];
  for (const version of planned) {
    const model = await existingModel(version.name);
    const there = model?.versions.get(version.version);
    if (there && there.model_id === version.modelId && there.checksum === version.checksum) {
      skipped.push(version);
      continue;
    }
    if (there) {
      throw invalidInput(
        `${version.metadataFile}: ${version.name}@${version.version} already exists in the registry (model_id ${there.model_id}); remove the file or change its version`
      );
    }
    if (model?.modelIds.has(version.modelId)) {
      throw invalidInput(
        `${version.metadataFile}: model_id ${version.modelId} is already registered under another version; remove the file or change its model_id`
      );
    }
    versions.push(version);
  }
  await checkParents(versions, skipped, existingModel);
  await settleExclusiveStages(versions, policy, existingModel);
  return { versions: parentsFirst(versions), skipped };
}
async function listLegacyFiles(dir) {
  const metadataRoot = join(dir, "metadata");
  const modelsRoot = join(dir, "models");
  await requireDirectory(dir, `import directory "${dir}"`);
  await requireDirectory(metadataRoot, `"${metadataRoot}"`);
  await requireDirectory(modelsRoot, `"${modelsRoot}"`);
  const files = [];
  for (const type of await subdirectories(metadataRoot)) {
    const modelType = typeDirectory(metadataRoot, type);
    for (const name of await readdir(join(metadataRoot, type))) {
      if (!name.endsWith(".json")) continue;
      const stem = name.slice(0, -".json".length);
      files.push({
        modelType,
        stem,
        metadataFile: join(metadataRoot, type, name),
        modelFile: join(modelsRoot, type, `${stem}${MODEL_EXTENSION}`)
      });
    }
  }
  const described = new Set(files.map((f) => f.modelFile));
  for (const type of await subdirectories(modelsRoot)) {
    for (const name of await readdir(join(modelsRoot, type))) {
      const modelFile = join(modelsRoot, type, name);
      if (name.endsWith(MODEL_EXTENSION) && !described.has(modelFile)) {
        const stem = name.slice(0, -MODEL_EXTENSION.length);
        throw invalidInput(
          `${modelFile} has no metadata file ${join(metadataRoot, type, `${stem}.json`)}; add it or remove the model file`
        );
      }
    }
  }
  if (files.length === 0)
    throw invalidInput(`no metadata files (*.json) under ${metadataRoot}: nothing to import`);
  return files;
}
async function readPlannedVersion(file, policy) {
  const { record, digest } = await readLegacyFile(file, policy);
  let size;
  try {
    const info = await stat(file.modelFile);
    if (!info.isFile()) throw invalidInput(`${file.modelFile} is not a regular file`);
    size = info.size;
  } catch (error) {
    if (isRegistryError(error)) throw error;
    if (errorCode(error) === "ENOENT") {
      throw invalidInput(
        `${file.metadataFile}: its model file ${file.modelFile} is missing; restore it or remove the metadata file`
      );
    }
    throw invalidInput(`cannot read ${file.modelFile}: ${error.message}`);
  }
  importedVersion(
    record,
    {
      stage: record.deployment_stage,
      artifact: {
        store: "local",
        file_name: `${record.model_id}${MODEL_EXTENSION}`,
        size,
        sha256: record.checksum,
        media_type: MODEL_MEDIA_TYPE
      },
      filePath: file.modelFile,
      actor: "import",
      at: record.registered_at,
      source: {}
    },
    file.metadataFile
  );
  return {
    metadataFile: file.metadataFile,
    modelFile: file.modelFile,
    name: record.model_type,
    version: record.version,
    modelId: record.model_id,
    parentId: record.parent_model_id,
    stage: record.deployment_stage,
    registeredAt: record.registered_at,
    deployedAt: record.deployed_at,
    checksum: record.checksum,
    size,
    metadataDigest: digest,
    rewritten: record.rewritten
  };
}
async function readLegacyFile(file, policy) {
  let bytes;
  try {
    bytes = await readFile(file.metadataFile);
  } catch (error) {
    throw invalidInput(`cannot read ${file.metadataFile}: ${error.message}`);
  }
  let raw;
  try {
    raw = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw invalidInput(
      `${file.metadataFile}: invalid JSON (${error.message}); fix or remove the file`
    );
  }
  const record = readLegacyRecord(raw, {
    where: file.metadataFile,
    modelType: file.modelType,
    stem: file.stem,
    policy
  });
  return { record, digest: createHash("sha256").update(bytes).digest("hex") };
}
function refuseDuplicates(planned) {
  const byVersion = /* @__PURE__ */ new Map();
  const byId = /* @__PURE__ */ new Map();
  for (const v of planned) {
    const key = `${v.name}@${v.version}`;
    const sameVersion = byVersion.get(key);
    if (sameVersion) {
      throw invalidInput(
        `${v.metadataFile}: ${key} is also the version of ${sameVersion.metadataFile}; give each version of a model its own version`
      );
    }
    const sameId = byId.get(v.modelId);
    if (sameId) {
      throw invalidInput(
        `${v.metadataFile}: model_id ${v.modelId} is also the model_id of ${sameId.metadataFile}`
      );
    }
    byVersion.set(key, v);
    byId.set(v.modelId, v);
  }
}
async function checkParents(versions, skipped, existingModel) {
  const imported = new Set([...versions, ...skipped].map((v) => v.modelId));
  for (const v of versions) {
    if (v.parentId === null || imported.has(v.parentId)) continue;
    const parentModel = await existingModel(nameFromModelId(v.parentId));
    if (!parentModel?.modelIds.has(v.parentId)) {
      throw invalidInput(
        `${v.metadataFile}: parent_model_id ${v.parentId} is neither in the import directory nor in the registry; add the parent's files or set parent_model_id to null`
      );
    }
  }
}
async function settleExclusiveStages(versions, policy, existingModel) {
  const claims = /* @__PURE__ */ new Map();
  for (const v of versions) {
    if (!policy.exclusive_stages.includes(v.stage)) continue;
    const key = `${v.name}
${v.stage}`;
    claims.set(key, [...claims.get(key) ?? [], v]);
  }
  for (const claimants of claims.values()) {
    const first = claimants[0];
    const holder = (await existingModel(first.name))?.holders.get(first.stage);
    const ranked = [...claimants].sort(mostRecentlyDeployed);
    const keeper = holder ?? ranked[0].version;
    for (const v of ranked) {
      if (v.version === keeper) continue;
      v.demotedBy = keeper;
      v.claimedStage = v.stage;
      v.stage = policy.demote_to;
    }
  }
}
async function readExisting(snapshot, name, policy) {
  const index = await snapshot.readIndex(name);
  if (!index) return null;
  const holders = /* @__PURE__ */ new Map();
  for (const stage of policy.exclusive_stages) {
    const holder = index.stages[stage]?.[0];
    if (holder !== void 0) holders.set(stage, holder);
  }
  return {
    versions: new Map(index.versions.map((v) => [v.version, { model_id: v.model_id, checksum: v.checksum }])),
    modelIds: new Set(index.versions.map((v) => v.model_id)),
    holders
  };
}
function parentsFirst(versions) {
  const byId = new Map(versions.map((v) => [v.modelId, v]));
  const state = /* @__PURE__ */ new Map();
  const ordered = [];
  for (const start of versions) {
    const chain = [];
    let current = start;
    while (current && state.get(current.modelId) !== "done") {
      if (state.get(current.modelId) === "visiting") {
        throw invalidInput(
          `${current.metadataFile}: parent_model_id leads back to ${current.modelId} (a cycle); fix the lineage`
        );
      }
      state.set(current.modelId, "visiting");
      chain.push(current);
      current = current.parentId === null ? void 0 : byId.get(current.parentId);
    }
    for (const v of chain.reverse()) {
      state.set(v.modelId, "done");
      ordered.push(v);
    }
  }
  return ordered;
}
function byRegistration(a, b) {
  return Date.parse(a.registeredAt) - Date.parse(b.registeredAt) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || compareSemver(a.version, b.version) || (a.metadataFile < b.metadataFile ? -1 : a.metadataFile > b.metadataFile ? 1 : 0);
}
function mostRecentlyDeployed(a, b) {
  const at = (v) => Date.parse(v.deployedAt ?? v.registeredAt);
  return at(b) - at(a) || compareSemver(b.version, a.version);
}
async function requireDirectory(path, what) {
  try {
    if ((await stat(path)).isDirectory()) return;
  } catch {
  }
  throw invalidInput(
    `${what} is not a directory: give the root of the Python registry (it holds models/<model_type>/ and metadata/<model_type>/)`
  );
}
async function subdirectories(root) {
  const entries = await readdir(root, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}
function typeDirectory(root, type) {
  try {
    return parseModelType(type);
  } catch (error) {
    throw invalidInput(`${join(root, type)}: ${error.message}`);
  }
}

// src/commands/version-writes.ts
async function versionWrites(snapshot, docs) {
  return layoutWrites(snapshot, { upserts: docs });
}

// src/commands/import.ts
var FILE_CONCURRENCY = 8;
async function importLegacy(ctx, input) {
  const batchSize = input.batchSize ?? DEFAULT_BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw invalidInput(`--batch must be a positive integer`);
  const snapshot = await ctx.backend.snapshot();
  const plan = await planImport(input.dir, snapshot);
  const outcome = summarise(input, batchSize, plan.versions, plan.skipped);
  if (input.dryRun) {
    await forEachLimited(plan.versions, FILE_CONCURRENCY, async (v) => {
      const digest = await hashFile(v.modelFile);
      if (digest.sha256 !== v.checksum) throw tampered(v, digest.sha256);
    });
    return outcome;
  }
  if (plan.versions.length === 0) return outcome;
  const store = await openStore(ctx);
  const stored = new Array(plan.versions.length);
  let committed = 0;
  try {
    await forEachLimited(plan.versions, FILE_CONCURRENCY, async (v, i) => {
      stored[i] = await storeArtifact(store, v, snapshot.policy);
    });
    const at = ctx.now().toISOString();
    const batches = Math.ceil(plan.versions.length / batchSize);
    if (batches > 1) ctx.notice?.(`stored ${plan.versions.length} artifact(s), every SHA-256 verified`);
    for (let b = 0; b < batches; b++) {
      const start = b * batchSize;
      const batch = plan.versions.slice(start, start + batchSize);
      const docs = await batchDocuments(
        ctx,
        batch,
        stored.slice(start, start + batchSize),
        snapshot.policy,
        at
      );
      outcome.commits.push(await commitBatch(ctx, docs, b + 1, batches));
      committed = start + batch.length;
      for (const put of stored.slice(start, committed)) await put?.lease?.settle(true);
      if (batches > 1) ctx.notice?.(`committed batch ${b + 1} of ${batches} (${committed} versions)`);
    }
  } catch (error) {
    for (const put of stored.slice(committed)) await put?.lease?.settle(false);
    await undoStored(ctx, store, stored, committed);
    throw error;
  }
  return outcome;
}
async function storeArtifact(store, v, policy) {
  try {
    return await store.put(
      v.modelFile,
      {
        name: v.name,
        version: v.version,
        model_id: v.modelId,
        file_name: `${v.modelId}${MODEL_EXTENSION}`,
        media_type: MODEL_MEDIA_TYPE,
        description: `${v.name}@${v.version}, imported from the Python registry`,
        compression: policy.artifacts.compression
      },
      { sha256: v.checksum, size: v.size }
    );
  } catch (error) {
    if (isRegistryError(error) && error.kind === "integrity") {
      const actual = error.details?.actual;
      throw tampered(v, typeof actual === "string" ? actual : "a different value");
    }
    throw error;
  }
}
function tampered(v, actual) {
  return integrityError(
    `${v.modelFile}: SHA-256 is ${actual} but ${basename(v.metadataFile)} records ${v.checksum}; the file was changed or corrupted, nothing was imported`,
    { path: v.modelFile, expected: v.checksum, actual }
  );
}
async function batchDocuments(ctx, batch, stored, policy, at) {
  const docs = new Array(batch.length);
  await forEachLimited(batch, FILE_CONCURRENCY * 4, async (v, i) => {
    const put = stored[i];
    if (!put) throw new Error(`internal: ${v.modelFile} was not stored`);
    const { record, digest } = await readLegacyFile(
      { metadataFile: v.metadataFile, modelType: v.name, stem: basename(v.metadataFile, ".json") },
      policy
    );
    if (digest !== v.metadataDigest) {
      throw invalidInput(
        `${v.metadataFile} changed during the import; run the import again (imported versions are skipped)`
      );
    }
    docs[i] = importedVersion(
      record,
      {
        stage: v.stage,
        demotedBy: v.demotedBy,
        artifact: put.artifact,
        filePath: put.file_path,
        actor: ctx.actor,
        at,
        source: ctx.source ?? {}
      },
      v.metadataFile
    );
  });
  return docs;
}
async function commitBatch(ctx, docs, batch, batches) {
  const outcome = await updateRegistry(ctx, async (snapshot) => {
    await refuseTaken(snapshot, docs);
    return {
      change: {
        subject: `import ${docs.length} version${docs.length === 1 ? "" : "s"} from the Python registry (batch ${batch} of ${batches})`,
        trailers: { "Import-Batch": `${batch}/${batches}` },
        files: await versionWrites(snapshot, docs)
      },
      result: null
    };
  });
  return outcome.commit;
}
async function refuseTaken(snapshot, docs) {
  for (const doc of docs) {
    if (await snapshot.objectId(versionFilePath(doc.name, doc.version)) === null) continue;
    throw new RegistryError(
      "conflict",
      `${doc.name}@${doc.version} was registered by someone else while the import ran; remove or renumber its legacy file and import again (imported versions are skipped)`
    );
  }
}
async function undoStored(ctx, store, stored, committed) {
  const landed = new Set(stored.slice(0, committed).map((p) => p?.artifact.sha256));
  const removed = /* @__PURE__ */ new Set();
  for (const put of stored.slice(committed)) {
    if (!put?.created || landed.has(put.artifact.sha256) || removed.has(put.artifact.sha256)) continue;
    removed.add(put.artifact.sha256);
    try {
      await store.remove(put.artifact);
    } catch (error) {
      ctx.notice?.(`could not remove a stored artifact after the failed import: ${error.message}`);
    }
  }
}
function summarise(input, batchSize, versions, skipped) {
  const models = /* @__PURE__ */ new Map();
  const model = (name) => {
    let entry = models.get(name);
    if (!entry) models.set(name, entry = { name, imported: 0, skipped: 0, stages: {} });
    return entry;
  };
  const outcome = {
    dry_run: Boolean(input.dryRun),
    directory: input.dir,
    imported: versions.length,
    skipped: skipped.length,
    bytes: 0,
    batch_size: batchSize,
    commits: [],
    models: [],
    rewritten: { version: 0, model_id: 0 },
    demoted: []
  };
  for (const v of versions) {
    const entry = model(v.name);
    entry.imported++;
    entry.stages[v.stage] = (entry.stages[v.stage] ?? 0) + 1;
    outcome.bytes += v.size;
    if (v.rewritten.version !== void 0) outcome.rewritten.version++;
    if (v.rewritten.model_id !== void 0) outcome.rewritten.model_id++;
    if (v.demotedBy !== void 0) {
      outcome.demoted.push({
        reference: `${v.name}@${v.version}`,
        from: v.claimedStage ?? "",
        to: v.stage,
        kept_by: `${v.name}@${v.demotedBy}`
      });
    }
  }
  for (const v of skipped) model(v.name).skipped++;
  outcome.models = [...models.values()].sort((a, b) => a.name < b.name ? -1 : 1);
  return outcome;
}

// src/cli/render/import.ts
function renderImport(outcome) {
  const rows = outcome.models.map((m) => [
    m.name,
    String(m.imported),
    String(m.skipped),
    Object.entries(m.stages).sort(([a], [b]) => a < b ? -1 : 1).map(([stage, count]) => `${stage} ${count}`).join(", ")
  ]);
  const lines = [
    table(
      [
        { header: "MODEL" },
        { header: "IMPORTED", align: "right" },
        { header: "SKIPPED", align: "right" },
        { header: "STAGES" }
      ],
      rows
    ),
    ""
  ];
  for (const d of outcome.demoted)
    lines.push(`${d.reference}: ${d.from} is kept by ${d.kept_by}, so it lands in ${d.to}`);
  const { version, model_id } = outcome.rewritten;
  if (version + model_id > 0) {
    lines.push(`rewritten to fit: ${version} version string(s), ${model_id} model_id(s)`);
  }
  const verb = outcome.dry_run ? "Dry run: would import" : "Imported";
  const commits = outcome.commits.length;
  lines.push(
    `${verb} ${outcome.imported} version(s) (${formatBytes(outcome.bytes)}, every SHA-256 verified) from ${outcome.directory}` + (outcome.skipped ? `; ${outcome.skipped} already imported` : "") + (outcome.dry_run ? "; nothing changed" : `; ${commits} commit${commits === 1 ? "" : "s"} of at most ${outcome.batch_size}`)
  );
  return lines.join("\n");
}

// src/cli/run/import.ts
async function run(cli, dir, o) {
  const batchSize = positiveInteger(o.batch, "--batch");
  cli.emit(await cli.firstWrite((ctx) => importLegacy(ctx, { dir, dryRun: o.dryRun, batchSize })), renderImport);
}
export {
  run
};
