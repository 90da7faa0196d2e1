import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  readListedVersion,
  rowsNewestFirst,
  rowsWhere
} from "./cli-chunk-UXTHZPF7.js";
import {
  matchesCriteria,
  sortComparator
} from "./cli-chunk-RQQIPJBH.js";
import {
  parseReference
} from "./cli-chunk-NCQXE2WX.js";
import {
  CATALOG_PATH,
  headPath,
  rowOf
} from "./cli-chunk-QINJBCE2.js";
import {
  parseStage
} from "./cli-chunk-TPXH7SUW.js";
import {
  RegistryError,
  invalidInput,
  isRegistryError,
  notFound
} from "./cli-chunk-VHUSGLFD.js";

// node_modules/tinyqueue/index.js
var TinyQueue = class {
  constructor(data = [], compare = (a, b) => a < b ? -1 : a > b ? 1 : 0) {
    this.data = data;
    this.length = this.data.length;
    this.compare = compare;
    if (this.length > 0) {
      for (let i = (this.length >> 1) - 1; i >= 0; i--) this._down(i);
    }
  }
  push(item) {
    this.data.push(item);
    this._up(this.length++);
  }
  pop() {
    if (this.length === 0) return void 0;
    const top = this.data[0];
    const bottom = this.data.pop();
    if (--this.length > 0) {
      this.data[0] = bottom;
      this._down(0);
    }
    return top;
  }
  peek() {
    return this.data[0];
  }
  _up(pos) {
    const { data, compare } = this;
    const item = data[pos];
    while (pos > 0) {
      const parent = pos - 1 >> 1;
      const current = data[parent];
      if (compare(item, current) >= 0) break;
      data[pos] = current;
      pos = parent;
    }
    data[pos] = item;
  }
  _down(pos) {
    const { data, compare } = this;
    const halfLength = this.length >> 1;
    const item = data[pos];
    while (pos < halfLength) {
      let bestChild = (pos << 1) + 1;
      const right = bestChild + 1;
      if (right < this.length && compare(data[right], data[bestChild]) < 0) {
        bestChild = right;
      }
      if (compare(data[bestChild], item) >= 0) break;
      data[pos] = data[bestChild];
      pos = bestChild;
    }
    data[pos] = item;
  }
};

// src/commands/select-rows.ts
function asSelectable(name, row) {
  return {
    name,
    model_type: row.model_type,
    version: row.version,
    registered_at: row.registered_at,
    deployment_stage: row.stage,
    tags: row.tags,
    performance_metrics: row.metrics,
    artifact: { deleted: row.deleted },
    row
  };
}
async function selectRows(snapshot, criteria, sort = { by: "registered" }, limit) {
  if (limit !== void 0 && !(Number.isInteger(limit) && limit >= 0)) {
    throw invalidInput(`invalid limit ${limit}: use a whole number of at least 0`);
  }
  const catalog = await snapshot.readCatalog();
  checkSelection(snapshot.policy, catalog, criteria, sort);
  const names = (criteria.name === void 0 ? Object.keys(catalog.models) : [criteria.name]).filter(
    (name) => Object.hasOwn(catalog.models, name) && inScope(catalog.models[name], criteria)
  );
  const metrics = [...new Set(names.flatMap((name) => Object.keys(catalog.models[name]?.metrics ?? {})))].sort();
  const order = sortComparator(sort, snapshot.policy);
  const sources = names.map(
    (name) => modelCandidates(snapshot, name, catalog.models[name], criteria, sort, limit)
  );
  const rows = sort.by === "registered" ? merged(sources, order, limit) : limit === void 0 ? allSorted(sources, order) : best(sources, order, limit);
  return { metrics, rows };
}
function inScope(entry, criteria) {
  if (!entry) return false;
  if (criteria.model_type !== void 0 && !entry.types[criteria.model_type]) return false;
  return criteria.stage === void 0 || entry.stages[criteria.stage] !== void 0;
}
async function* merged(sources, order, limit) {
  if (limit === 0) return;
  const heads = new TinyQueue(
    [],
    (a, b) => order(a.candidate, b.candidate)
  );
  for (const source of sources) {
    const first = await source.next();
    if (!first.done) heads.push({ candidate: first.value, source });
  }
  let given = 0;
  for (let head = heads.pop(); head; head = heads.pop()) {
    yield head.candidate;
    if (limit !== void 0 && ++given >= limit) return;
    const next = await head.source.next();
    if (!next.done) heads.push({ candidate: next.value, source: head.source });
  }
}
async function* best(sources, order, limit) {
  if (limit === 0) return;
  const kept = new TinyQueue([], (a, b) => order(b, a));
  for (const source of sources) {
    for await (const candidate of source) {
      if (kept.length < limit) kept.push(candidate);
      else if (order(candidate, kept.peek()) < 0) {
        kept.pop();
        kept.push(candidate);
      }
    }
  }
  const chosen = [];
  for (let c = kept.pop(); c; c = kept.pop()) chosen.push(c);
  for (let i = chosen.length - 1; i >= 0; i--) yield chosen[i];
}
async function* allSorted(sources, order) {
  const all = [];
  for (const source of sources) for await (const candidate of source) all.push(candidate);
  yield* all.sort(order);
}
async function* modelCandidates(snapshot, name, entry, criteria, sort, limit) {
  let cap = entry.count;
  if (criteria.stage !== void 0) {
    const held = entry.stages[criteria.stage];
    if (!held) return;
    if (held.count === 1) {
      const doc = await readListedVersion(snapshot, name, held.newest, {
        where: CATALOG_PATH,
        stage: criteria.stage
      });
      if (matchesCriteria(doc, criteria)) yield asSelectable(name, rowOf(doc));
      return;
    }
    cap = held.count;
  }
  if (sort.by === "registered" && limit !== void 0) cap = Math.min(cap, limit);
  let found = 0;
  if (cap === 0) return;
  for await (const row of rowsNewestFirst(snapshot, name)) {
    if (criteria.stage !== void 0 && row.stage !== criteria.stage) continue;
    const candidate = asSelectable(name, row);
    if (!matchesCriteria(candidate, criteria)) continue;
    yield candidate;
    if (++found >= cap) return;
  }
}
function checkSelection(policy, catalog, criteria, sort) {
  if (criteria.stage !== void 0 && !policy.stages.includes(criteria.stage)) {
    throw invalidInput(`unknown stage "${criteria.stage}": use one of ${policy.stages.join(", ")}`, {
      field: "stage",
      stages: policy.stages
    });
  }
  const scope = criteria.name === void 0 ? Object.values(catalog.models) : [Object.hasOwn(catalog.models, criteria.name) ? catalog.models[criteria.name] : void 0].filter(
    (e) => e !== void 0
  );
  if (scope.length === 0) return;
  const recorded = new Set(scope.flatMap((e) => Object.keys(e.metrics)));
  const known = recorded.size > 0 ? [...recorded].sort().join(", ") : "none";
  const check = (metric, field) => {
    if (!recorded.has(metric))
      throw invalidInput(`no version records the metric "${metric}" (recorded: ${known})`, {
        field,
        metric,
        recorded: [...recorded].sort()
      });
  };
  for (const metric of Object.keys(criteria.min_metrics ?? {})) check(metric, "min_metrics");
  if (sort?.by === "metric") check(sort.metric, "sort");
}

// src/commands/resolve.ts
async function resolve(snapshot, reference) {
  const parsed = parseReference(reference);
  if (parsed.kind === "stage") parseStage(snapshot.policy, parsed.stage);
  const head = await snapshot.readHead(parsed.name);
  if (!head)
    throw notFound((w) => `no model named "${parsed.name}"; ${w.command("list")} shows the registered models`, {
      field: "reference",
      value: parsed.name,
      reason: "no-such-model"
    });
  return { version: await resolveInModel(snapshot, parsed, head), head };
}
async function resolveInModel(snapshot, ref, head) {
  const name = head.name;
  const hint = (w) => `${w.command("list", { name })} shows its versions`;
  switch (ref.kind) {
    case "version": {
      const found = await snapshot.readVersion(name, ref.version);
      if (!found)
        throw notFound((w) => `"${name}" has no version ${ref.version}; ${hint(w)}`, {
          field: "reference",
          value: `${name}@${ref.version}`,
          reason: "no-such-version"
        });
      return found;
    }
    case "model_id": {
      const row = await findModelId(snapshot, name, ref.model_id);
      if (!row)
        throw notFound((w) => `no version of "${name}" has model_id ${ref.model_id}; ${hint(w)}`, {
          field: "reference",
          value: ref.model_id,
          reason: "no-such-model-id"
        });
      return readListedVersion(snapshot, name, row.version, { where: rowsWhere(name, row), row });
    }
    case "latest":
    case "newest": {
      const found = ref.kind === "newest" ? head.newest : head.latest;
      if (!found) throw notFound(`"${name}" has no version that is not archived; register a new one`);
      return readListedVersion(snapshot, name, found, { where: headPath(name), live: true });
    }
    case "stage": {
      const holder = head.stages[ref.stage]?.newest;
      if (!holder) {
        throw notFound(
          (w) => `no version of "${name}" is in stage "${ref.stage}" (${name}@${ref.stage}); ${hint(w)}`,
          { field: "reference", value: `${name}@${ref.stage}`, reason: "stage-empty" }
        );
      }
      return readListedVersion(snapshot, name, holder, { where: headPath(name), stage: ref.stage });
    }
  }
}
async function findModelId(snapshot, name, modelId) {
  const stamp = /_(\d{4})(\d{2})(\d{2})_\d{6}(?:_\d+)?$/.exec(modelId);
  if (stamp) {
    const found = (await snapshot.readDay(name, `${stamp[1]}/${stamp[2]}/${stamp[3]}`)).rows.find(
      (r) => r.model_id === modelId
    );
    if (found) return found;
  }
  for await (const row of rowsNewestFirst(snapshot, name)) if (row.model_id === modelId) return row;
  return null;
}
async function resolveParent(snapshot, reference) {
  try {
    return (await resolve(snapshot, reference)).version;
  } catch (error) {
    if (!isRegistryError(error)) throw error;
    throw new RegistryError(error.kind, (w) => `parent ${error.wordedFor(w)}`, {
      ...error.details,
      field: "parent",
      value: reference
    });
  }
}
async function allVersions(snapshot, name) {
  const names = name === void 0 ? await snapshot.modelNames() : [name];
  const indexes = await Promise.all(names.map((n) => snapshot.readIndex(n)));
  return indexes.flatMap((index) => index?.versions ?? []);
}
async function selectFromRegistry(snapshot, criteria, sort = { by: "registered" }, limit) {
  const { rows } = await selectRows(snapshot, criteria, sort, limit);
  const docs = [];
  for await (const c of rows)
    docs.push(
      await readListedVersion(snapshot, c.name, c.version, { where: rowsWhere(c.name, c.row), row: c.row })
    );
  return docs;
}
async function resolveCriteria(snapshot, criteria) {
  const [match] = await selectFromRegistry(snapshot, criteria, { by: "registered" }, 1);
  if (!match)
    throw notFound(
      (w) => `no model version matches ${describeCriteria(criteria)}; ${w.command("list")} shows what is registered`,
      { field: "criteria", reason: "no-match" }
    );
  return match;
}
function describeCriteria(criteria) {
  const parts = [];
  if (criteria.name) parts.push(`name ${criteria.name}`);
  if (criteria.model_type) parts.push(`type ${criteria.model_type}`);
  if (criteria.stage) parts.push(`stage ${criteria.stage}`);
  if (criteria.tags?.length) parts.push(`tags ${criteria.tags.join(",")}`);
  for (const [metric, min] of Object.entries(criteria.min_metrics ?? {})) parts.push(`${metric} \u2265 ${min}`);
  return parts.length > 0 ? parts.join(", ") : "the criteria";
}
async function findVersion(ctx, criteria) {
  return resolveCriteria(await ctx.backend.snapshot(), criteria);
}

export {
  selectRows,
  resolve,
  resolveParent,
  allVersions,
  resolveCriteria,
  findVersion
};
