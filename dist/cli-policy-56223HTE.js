import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  renderPolicySet
} from "./cli-chunk-TACSTVAR.js";
import {
  check
} from "./cli-chunk-USGPISQJ.js";
import {
  MAX_JSON_DEPTH,
  nestingDepth
} from "./cli-chunk-RXOADDI2.js";
import "./cli-chunk-ODUTP5J6.js";
import {
  POLICY_LABEL
} from "./cli-chunk-OLF3ZM3S.js";
import "./cli-chunk-AXKDXKZX.js";
import "./cli-chunk-7BOAOEDD.js";
import {
  formatCommitMessage
} from "./cli-chunk-KBO4IHSY.js";
import {
  jsonEqual
} from "./cli-chunk-4O472LWZ.js";
import {
  updateRegistry
} from "./cli-chunk-IFZ7CLCE.js";
import "./cli-chunk-MB6ER4TW.js";
import {
  validatePolicy
} from "./cli-chunk-B6Z2EQO6.js";
import "./cli-chunk-NCQXE2WX.js";
import "./cli-chunk-FJL5TYMF.js";
import "./cli-chunk-QINJBCE2.js";
import "./cli-chunk-TPXH7SUW.js";
import {
  checkPolicyConsistency
} from "./cli-chunk-NRZ3EPD3.js";
import {
  RegistryError,
  invalidInput
} from "./cli-chunk-VHUSGLFD.js";
import "./cli-chunk-WXNRKKY2.js";

// src/domain/policy-path.ts
var KEY_FORMS = 'use a JSON path such as retention.keep_last, gates.production.min_metrics.f1_score, stages[0] or metrics["val.auc"].lower_is_better';
function parsePolicyPath(input) {
  const text = input.startsWith("$.") ? input.slice(2) : input;
  const segments = [];
  let i = 0;
  const bad = (why) => {
    throw invalidInput(`invalid policy key "${input}": ${why}; ${KEY_FORMS}`, { field: "key" });
  };
  if (text === "") bad("it is empty");
  while (i < text.length) {
    if (text[i] === "[") {
      const close = text.indexOf("]", i);
      if (close < 0) bad('a "[" is not closed');
      const inner = text.slice(i + 1, close);
      if (/^\d+$/.test(inner)) segments.push(Number(inner));
      else if (/^"[^"]+"$/.test(inner)) segments.push(inner.slice(1, -1));
      else bad(`[${inner}] is neither an index nor a quoted name`);
      i = close + 1;
      if (i < text.length && text[i] !== "." && text[i] !== "[") bad('a "]" must be followed by "." or "["');
      if (text[i] === ".") i++;
      continue;
    }
    const match = /^[^.[\]]+/.exec(text.slice(i));
    if (!match) bad("it has an empty segment");
    const name = match[0];
    segments.push(name);
    i += name.length;
    if (text[i] === ".") {
      i++;
      if (i === text.length) bad('it ends with "."');
    }
  }
  if (segments.some((s) => s === "__proto__" || s === "constructor" || s === "prototype")) {
    bad("it names a reserved property");
  }
  return segments;
}
function formatPolicyPath(path) {
  return path.map(
    (s, i) => typeof s === "number" ? `[${s}]` : /^[A-Za-z0-9_-]+$/.test(s) ? `${i === 0 ? "" : "."}${s}` : `["${s}"]`
  ).join("");
}
function parsePolicyValue(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  if (nestingDepth(value) > MAX_JSON_DEPTH)
    throw invalidInput(`the policy value is nested more than ${MAX_JSON_DEPTH} levels deep: flatten it`);
  return value;
}
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function valueAt(document, path) {
  let node = document;
  for (const segment of path) {
    if (typeof segment === "number" ? !Array.isArray(node) : !isObject(node)) return void 0;
    const container = node;
    if (!Object.hasOwn(container, segment)) return void 0;
    node = container[segment];
  }
  return node;
}
function withValueAt(document, path, value, key) {
  const [head, ...rest] = path;
  if (head === void 0) return value;
  if (typeof head === "number") {
    if (!Array.isArray(document)) {
      throw invalidInput(`invalid policy key "${key}": [${head}] indexes something that is not a list`, {
        field: "key"
      });
    }
    if (head > document.length) {
      throw invalidInput(
        `invalid policy key "${key}": the list has ${document.length} item(s); use an index up to ${document.length}`,
        { field: "key" }
      );
    }
    const copy = [...document];
    copy[head] = withValueAt(document[head], rest, value, key);
    return copy;
  }
  if (document !== void 0 && !isObject(document)) {
    throw invalidInput(`invalid policy key "${key}": "${head}" is inside something that is not an object`, {
      field: "key"
    });
  }
  const record = document ?? {};
  return {
    ...record,
    [head]: withValueAt(Object.hasOwn(record, head) ? record[head] : void 0, rest, value, key)
  };
}

// src/commands/policy.ts
async function showPolicy(ctx) {
  const snapshot = await ctx.backend.snapshot();
  return { policy: snapshot.policy, commit: snapshot.commit };
}
function plan(current, input) {
  const path = parsePolicyPath(input.key);
  const key = formatPolicyPath(path);
  const value = parsePolicyValue(input.value);
  const before = valueAt(current, path);
  const edited = withValueAt(current, path, value, input.key);
  const where = `registry.json with ${key} = ${JSON.stringify(value)}`;
  const policy = checkPolicyConsistency(
    validatePolicy(edited, where, "invalid-input"),
    where,
    "invalid-input"
  );
  const changed = !jsonEqual(current, policy);
  return {
    outcome: { key, before, after: value, changed, policy },
    change: changed ? {
      subject: `policy: set ${key} = ${JSON.stringify(value)}`,
      trailers: { Policy: key },
      files: [{ path: "registry.json", content: policy }]
    } : null
  };
}
async function setPolicy(ctx, input) {
  plan((await ctx.backend.snapshot()).policy, input);
  if (ctx.channel === "pull-request" && ctx.review) return proposePolicy(ctx, input);
  const committed = await updateRegistry(ctx, async (snapshot) => {
    const planned = plan(snapshot.policy, input);
    return { change: planned.change, result: planned.outcome };
  });
  return { ...committed.result, commit: committed.commit };
}
function policyBranch(key) {
  return `mreg/policy/${key.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "")}`;
}
async function proposePolicy(ctx, input) {
  const { backend, review } = ctx;
  if (!backend.propose || !review) {
    throw new RegistryError(
      "refused",
      `${backend.description} cannot carry proposals, so policy changes cannot go through pull requests there`
    );
  }
  const build = async (tip) => {
    const planned = plan(tip.policy, input);
    return { change: planned.change, result: planned };
  };
  const branch = policyBranch(formatPolicyPath(parsePolicyPath(input.key)));
  const proposed = await backend.propose(build, branch);
  const { outcome, change } = proposed.result;
  if (!proposed.changed || !change) return { ...outcome, commit: proposed.commit };
  const before = outcome.before === void 0 ? "unset" : `\`${JSON.stringify(outcome.before)}\``;
  const pull = await review.openOrUpdateProposal({
    branch,
    base: backend.branch,
    title: change.subject,
    body: [
      `Sets \`${outcome.key}\` in \`registry.json\`: ${before} \u2192 \`${JSON.stringify(outcome.after)}\`.`,
      "",
      "The new policy passed the schema and the consistency rules. A policy edit needs the",
      `\`${POLICY_LABEL}\` label (added by mreg) and the review the repository's rules ask for.`,
      "",
      "```",
      formatCommitMessage(change).trimEnd().replace(/```/g, "'''"),
      "```",
      ""
    ].join("\n"),
    labels: [POLICY_LABEL]
  });
  const checked = await check(ctx, { base: proposed.base, head: proposed.commit, pullNumber: pull.number });
  return {
    ...outcome,
    commit: proposed.commit,
    pull_request: { ...pull, branch, base: proposed.base },
    status: {
      state: checked.status.state,
      description: checked.status.description,
      context: checked.status.context
    }
  };
}

// src/cli/run/policy.ts
async function show(cli) {
  const outcome = await showPolicy(await cli.context());
  cli.emit(outcome, (o) => JSON.stringify(o.policy, null, 2), outcome.policy);
}
async function set(cli, key, value) {
  cli.emit(await setPolicy(await cli.context(), { key, value }), renderPolicySet);
}
export {
  set,
  show
};
