import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  stageTimeline
} from "./cli-chunk-JGKRXGLB.js";
import {
  versionPath
} from "./cli-chunk-4O472LWZ.js";
import {
  resolve
} from "./cli-chunk-KHQVBMNE.js";
import {
  stageHolderVersions
} from "./cli-chunk-UXTHZPF7.js";
import {
  isModelId
} from "./cli-chunk-FJL5TYMF.js";
import {
  modelDir
} from "./cli-chunk-QINJBCE2.js";
import {
  parseName
} from "./cli-chunk-TPXH7SUW.js";
import {
  notFound
} from "./cli-chunk-VHUSGLFD.js";

// src/commands/history.ts
async function history(ctx, input) {
  const snapshot = await ctx.backend.snapshot();
  const wholeModel = !input.target.includes("@") && !isModelId(input.target);
  let name;
  let version = null;
  let versions;
  if (wholeModel) {
    name = parseName(input.target);
    const index = await snapshot.readIndex(name);
    if (!index)
      throw notFound((w) => `no model named "${name}"; ${w.command("list")} shows the registered models`, {
        field: "reference",
        value: name,
        reason: "no-such-model"
      });
    versions = index.versions;
  } else {
    const resolved = await resolve(snapshot, input.target);
    ({ name, version } = resolved.version);
    versions = [resolved.version];
  }
  const path = version === null ? modelDir(name) : versionPath(name, version);
  const entries = await ctx.backend.log({ path, until: input.at, sinceCreation: true });
  const outcome = {
    name,
    version,
    events: entries.map(toEvent),
    stages: stageTimeline(versions)
  };
  if (input.at) outcome.at = await holdersAt(ctx, name, input.at, version);
  return outcome;
}
async function holdersAt(ctx, name, at, version) {
  const commit = (await ctx.backend.log({ until: at, limit: 1 }))[0]?.commit ?? null;
  const holders = {};
  if (commit) {
    for (const [stage, held] of Object.entries(await stagesAt(await ctx.backend.snapshotAt(commit), name))) {
      const relevant = version === null ? held : held.filter((v) => v === version);
      if (relevant.length > 0) holders[stage] = relevant;
    }
  }
  return { time: at.toISOString(), commit, holders };
}
async function stagesAt(snapshot, name) {
  if (snapshot.layout === 1) return (await snapshot.readIndex(name))?.stages ?? {};
  const stages = {};
  for (const stage of Object.keys((await snapshot.readHead(name))?.stages ?? {})) {
    stages[stage] = await stageHolderVersions(snapshot, name, stage);
  }
  return stages;
}
function toEvent(entry) {
  return {
    commit: entry.commit,
    at: entry.author.timestamp,
    author: entry.author.name,
    subject: entry.subject,
    trailers: entry.trailers
  };
}

export {
  history
};
