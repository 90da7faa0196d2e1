import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  storedBytesInUse
} from "./cli-chunk-CTHGCPXA.js";
import "./cli-chunk-GGVWWMIJ.js";
import {
  renderDelete
} from "./cli-chunk-JXDXVPDM.js";
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
  fileArtifacts
} from "./cli-chunk-JEUBDBLZ.js";
import "./cli-chunk-MB6ER4TW.js";
import "./cli-chunk-B6Z2EQO6.js";
import "./cli-chunk-TZFTDHNG.js";
import {
  allVersions,
  resolve
} from "./cli-chunk-KHQVBMNE.js";
import "./cli-chunk-UXTHZPF7.js";
import "./cli-chunk-RQQIPJBH.js";
import "./cli-chunk-6LSYP2EM.js";
import {
  formatReference
} from "./cli-chunk-NCQXE2WX.js";
import "./cli-chunk-FJL5TYMF.js";
import "./cli-chunk-NMVSHCH7.js";
import "./cli-chunk-QINJBCE2.js";
import "./cli-chunk-TPXH7SUW.js";
import "./cli-chunk-NRZ3EPD3.js";
import {
  refused
} from "./cli-chunk-VHUSGLFD.js";
import "./cli-chunk-WXNRKKY2.js";

// src/commands/delete.ts
async function deleteVersion(ctx, input) {
  const outcome = await updateRegistry(ctx, async (snapshot) => {
    const { version: version2 } = await resolve(snapshot, input.reference);
    const protectedStages = snapshot.policy.retention.protect_stages;
    if (!input.force && protectedStages.includes(version2.deployment_stage)) {
      throw refused(
        (w) => `${formatReference(version2)} is in ${version2.deployment_stage}, a protected stage: demote it first, or set ${w.field("force")}`,
        { field: "force", value: false, reason: "protected-stage", stage: version2.deployment_stage }
      );
    }
    return {
      change: {
        subject: `delete ${version2.name} ${version2.version} (${version2.deployment_stage})`,
        trailers: { "Model-Id": version2.model_id, Sha256: version2.checksum },
        files: await layoutWrites(snapshot, { removals: [version2] })
      },
      result: version2
    };
  });
  const version = outcome.result;
  const artifact_removed = await removeUnreferencedArtifact(ctx, version);
  return { version, commit: outcome.commit, artifact_removed };
}
async function removeUnreferencedArtifact(ctx, version) {
  if (version.artifact.deleted) return false;
  const store = await openStore(ctx);
  if (store.kind !== "local") {
    await store.remove(version.artifact, storedBytesInUse(ctx));
    return true;
  }
  const used = new Set(
    (await allVersions(await ctx.backend.snapshot())).filter((v) => !v.artifact.deleted).flatMap((v) => fileArtifacts(v.artifact).map((a) => a.sha256))
  );
  const own = fileArtifacts(version.artifact).filter((a) => !used.has(a.sha256));
  if (own.length === 0) return false;
  for (const artifact of own) await store.remove(artifact, storedBytesInUse(ctx));
  return true;
}

// src/cli/run/delete.ts
async function run(cli, reference, o) {
  cli.emit(await deleteVersion(await cli.context(), { reference, force: o.force }), renderDelete);
}
export {
  run
};
