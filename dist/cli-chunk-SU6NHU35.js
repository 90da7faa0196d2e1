import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  selectRows
} from "./cli-chunk-KHQVBMNE.js";
import {
  readListedVersion,
  rowsWhere
} from "./cli-chunk-UXTHZPF7.js";
import {
  parseName
} from "./cli-chunk-TPXH7SUW.js";
import {
  ARCHIVED_STAGE,
  RegistryError,
  notFound
} from "./cli-chunk-VHUSGLFD.js";

// src/commands/list.ts
var READ_AHEAD = 128;
async function streamVersions(ctx, input) {
  const snapshot = await ctx.backend.snapshot();
  const { metrics, rows } = await selectRows(snapshot, input.criteria, input.sort, input.limit);
  async function* versions() {
    const ahead = [];
    let more = true;
    const refill = async () => {
      while (more && ahead.length < READ_AHEAD) {
        const next = await rows.next();
        if (next.done) {
          more = false;
          return;
        }
        const read = readListedVersion(snapshot, next.value.name, next.value.version, {
          where: rowsWhere(next.value.name, next.value.row),
          row: next.value.row
        });
        read.catch(() => void 0);
        ahead.push(read);
      }
    };
    await refill();
    while (ahead.length > 0) {
      if (ahead.length <= READ_AHEAD / 2) await refill();
      yield await ahead.shift();
    }
  }
  return { metrics, versions: versions() };
}
async function listVersionPage(ctx, input) {
  const snapshot = await ctx.backend.snapshot();
  const name = parseName(input.name);
  if ((await snapshot.modelNames()).indexOf(name) < 0)
    throw notFound((w) => `no model named "${name}"; ${w.command("list")} shows the registered models`, {
      field: "name",
      value: name,
      reason: "unknown-model"
    });
  const criteria = { ...input.criteria, name };
  const { selected, start, complete } = await pageRows(snapshot, criteria, input);
  const page = selected.slice(start, start + input.limit);
  const versions = [];
  for (const row of page) versions.push(await readListedVersion(snapshot, row.name, row.version));
  const more = start + input.limit < selected.length;
  const total = complete ? selected.length : await countMatching(snapshot, criteria);
  return { versions, next: more ? page.at(-1)?.model_id ?? null : null, total };
}
var counted = /* @__PURE__ */ new WeakMap();
function countMatching(snapshot, criteria) {
  let kept = counted.get(snapshot);
  if (!kept) counted.set(snapshot, kept = /* @__PURE__ */ new Map());
  const key = JSON.stringify(criteria);
  let count = kept.get(key);
  if (!count) {
    count = countRows(snapshot, criteria);
    const forget = kept;
    count.catch(() => forget.delete(key));
    kept.set(key, count);
  }
  return count;
}
async function countRows(snapshot, criteria) {
  const filtered = (criteria.tags?.length ?? 0) > 0 || Object.keys(criteria.min_metrics ?? {}).length > 0 || criteria.model_type !== void 0;
  const { models } = await snapshot.readCatalog();
  const head = Object.hasOwn(models, criteria.name) ? models[criteria.name] : void 0;
  if (head && !filtered) {
    const held = (stage) => Object.hasOwn(head.stages, stage) ? head.stages[stage]?.count ?? 0 : 0;
    if (criteria.stage !== void 0) return held(criteria.stage);
    return criteria.include_archived ? head.count : head.count - held(ARCHIVED_STAGE);
  }
  const { rows } = await selectRows(snapshot, criteria);
  let count = 0;
  for await (const _row of rows) count++;
  return count;
}
async function pageRows(snapshot, criteria, input) {
  const sort = input.sort ?? { by: "registered" };
  let want = sort.by === "registered" ? input.limit + 1 : void 0;
  if (input.after !== void 0 && want !== void 0) want = Math.max(want, 4 * input.limit);
  for (; ; ) {
    const { rows } = await selectRows(snapshot, criteria, sort, want);
    const selected = [];
    for await (const c of rows) selected.push({ name: c.name, version: c.version, model_id: c.row.model_id });
    const exhausted = want === void 0 || selected.length < want;
    if (input.after === void 0) return { selected, start: 0, complete: exhausted };
    const at = selected.findIndex((v) => v.model_id === input.after);
    if (at >= 0 && (exhausted || at + input.limit + 1 < selected.length))
      return { selected, start: at + 1, complete: exhausted };
    if (at < 0 && exhausted)
      throw new RegistryError(
        "conflict",
        "the version this cursor continues after no longer matches (the registry changed); start again without cursor",
        { field: "cursor" }
      );
    want = want * 4;
  }
}

export {
  streamVersions,
  listVersionPage
};
