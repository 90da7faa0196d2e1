import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  versionPath
} from "./cli-chunk-4O472LWZ.js";
import {
  renderMigrate
} from "./cli-chunk-JXDXVPDM.js";
import {
  deferredDocument,
  updateRegistry
} from "./cli-chunk-IFZ7CLCE.js";
import "./cli-chunk-MB6ER4TW.js";
import "./cli-chunk-B6Z2EQO6.js";
import "./cli-chunk-TZFTDHNG.js";
import "./cli-chunk-6LSYP2EM.js";
import "./cli-chunk-NCQXE2WX.js";
import "./cli-chunk-FJL5TYMF.js";
import "./cli-chunk-NMVSHCH7.js";
import {
  CATALOG_PATH,
  deriveCatalog,
  deriveHead,
  headPath,
  layoutRows,
  rowOf
} from "./cli-chunk-QINJBCE2.js";
import "./cli-chunk-TPXH7SUW.js";
import "./cli-chunk-VHUSGLFD.js";
import "./cli-chunk-WXNRKKY2.js";

// src/commands/migrate.ts
async function planMigration(snapshot) {
  if (snapshot.layout === 2) return { change: null, models: 0, versions: 0 };
  const files = [];
  const heads = [];
  let versions = 0;
  const names = await snapshot.modelNames();
  for (const name of names) {
    const rows = [];
    for (const version of await snapshot.versionFileNames(name)) {
      const doc = await snapshot.readVersion(name, version);
      if (!doc) continue;
      const path = versionPath(name, version);
      rows.push(rowOf({ ...doc, metadata_path: path }));
      files.push({ path: `models/${name}/${version}.json`, content: null });
      files.push({ path, content: deferredDocument(path, () => movedVersion(snapshot, name, version)) });
    }
    files.push({ path: `models/${name}/index.json`, content: null });
    for (const [path, content] of layoutRows(name, rows)) files.push({ path, content });
    const head = deriveHead(name, rows);
    if (head) {
      files.push({ path: headPath(name), content: head });
      heads.push(head);
    }
    versions += rows.length;
  }
  files.push({ path: CATALOG_PATH, content: deriveCatalog(heads) });
  const change = {
    subject: `migrate registry to layout 2 (${names.length} model${names.length === 1 ? "" : "s"}, ${versions} version${versions === 1 ? "" : "s"})`,
    trailers: { "Layout-Version": "2" },
    files
  };
  return { change, models: names.length, versions };
}
async function movedVersion(snapshot, name, version) {
  const doc = await snapshot.readVersion(name, version);
  if (!doc) throw new Error(`internal: ${name}@${version} disappeared from the snapshot being migrated`);
  return { ...doc, metadata_path: versionPath(name, version) };
}
async function migrate(ctx, input = {}) {
  if (input.dryRun) {
    const snapshot = await ctx.backend.snapshot();
    const plan = await planMigration(snapshot);
    return outcome(true, snapshot.layout, plan, null);
  }
  let from = 2;
  const committed = await updateRegistry(ctx, async (snapshot) => {
    from = snapshot.layout;
    const plan = await planMigration(snapshot);
    return { change: plan.change, result: plan };
  });
  return outcome(false, from, committed.result, committed.changed ? committed.commit : null);
}
function outcome(dryRun, from, plan, commit) {
  return {
    dry_run: dryRun,
    from,
    changed: plan.change !== null && (dryRun || commit !== null),
    models: plan.models,
    versions: plan.versions,
    files: plan.change?.files.length ?? 0,
    commit
  };
}

// src/cli/run/migrate.ts
async function run(cli, o) {
  cli.emit(await migrate(await cli.context(), { dryRun: o.dryRun }), renderMigrate);
}
export {
  run
};
