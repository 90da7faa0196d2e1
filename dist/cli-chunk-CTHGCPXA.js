import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  fileArtifacts
} from "./cli-chunk-JEUBDBLZ.js";
import {
  allVersions
} from "./cli-chunk-KHQVBMNE.js";
import {
  formatReference
} from "./cli-chunk-NCQXE2WX.js";
import {
  isRegistryError
} from "./cli-chunk-VHUSGLFD.js";

// src/commands/store-audit.ts
var DEFAULT_ORPHAN_GRACE_HOURS = 1;
async function auditStore(store, policy, now, versions, gone = []) {
  if (!store.listStored) return null;
  const graceMs = (policy.retention.orphan_grace_hours ?? DEFAULT_ORPHAN_GRACE_HOURS) * 36e5;
  const cutoff = now.getTime() - graceMs;
  const live = versions.filter((v) => !v.artifact.deleted && v.artifact.store === store.kind);
  const liveByKey = new Map(live.flatMap((v) => itemKeys(v).map((key) => [key, v])));
  const knownKeys = new Set(
    [...versions, ...gone].flatMap((v) => [...itemKeys(v), `version:${formatReference(v)}`])
  );
  const unused = [];
  const unfinished = [];
  const seen = /* @__PURE__ */ new Set();
  const records = { live: new Set(live.map(formatReference)) };
  for await (const item of store.listStored(records)) {
    const key = keyOf(item);
    seen.add(key);
    const owner = liveByKey.get(key);
    if (owner) {
      if (item.unfinished) unfinished.push(owner);
      continue;
    }
    const known = knownKeys.has(key) || item.owner !== void 0 && knownKeys.has(`version:${item.owner.name}@${item.owner.version}`);
    if (known || item.modified.getTime() <= cutoff) unused.push(item);
  }
  const missing = [];
  for (const version of live.filter((v) => !itemKeys(v).every((key) => seen.has(key)))) {
    for (const file of fileArtifacts(version.artifact)) {
      const present = await store.verify(file).then(
        (result) => result.present,
        (error) => {
          if (isRegistryError(error) && error.kind === "integrity") return true;
          throw error;
        }
      );
      if (!present) {
        missing.push(version);
        break;
      }
    }
  }
  return { unused, missing, unfinished };
}
function keyOf(item) {
  return item.owner ? `release:${item.owner.release_id}` : `sha256:${item.sha256 ?? item.id}`;
}
function itemKeys(version) {
  const release = version.artifact.release;
  return release ? [`release:${release.id}`] : fileArtifacts(version.artifact).map((a) => `sha256:${a.stored?.sha256 ?? a.sha256}`);
}
function storedBytesInUse(ctx) {
  return async (sha256) => {
    const versions = await allVersions(await ctx.backend.snapshot());
    return versions.some(
      (v) => !v.artifact.deleted && fileArtifacts(v.artifact).some((a) => (a.stored?.sha256 ?? a.sha256) === sha256)
    );
  };
}

export {
  auditStore,
  storedBytesInUse
};
