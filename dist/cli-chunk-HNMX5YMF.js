import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  check
} from "./cli-chunk-USGPISQJ.js";
import {
  ROLLBACK_VIA,
  evaluateGates,
  heldBefore,
  isRollbackVia,
  normaliseMustBeat
} from "./cli-chunk-AXKDXKZX.js";
import {
  formatCommitMessage
} from "./cli-chunk-KBO4IHSY.js";
import {
  compareModels
} from "./cli-chunk-2WUV2RVW.js";
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
  validateRegistryFile
} from "./cli-chunk-B6Z2EQO6.js";
import {
  resolve
} from "./cli-chunk-KHQVBMNE.js";
import {
  stageHolders
} from "./cli-chunk-UXTHZPF7.js";
import {
  table
} from "./cli-chunk-6LSYP2EM.js";
import {
  formatReference
} from "./cli-chunk-NCQXE2WX.js";
import {
  parseStage
} from "./cli-chunk-TPXH7SUW.js";
import {
  checkTransition,
  gateFor
} from "./cli-chunk-NRZ3EPD3.js";
import {
  RegistryError,
  integrityError,
  refused
} from "./cli-chunk-VHUSGLFD.js";

// src/domain/promotion.ts
function moved(v, stage, at, by, via) {
  const copy = structuredClone(v);
  copy.deployment_stage = stage;
  copy.deployed_at = at;
  copy.stage_history = [...copy.stage_history, { stage, at, by, via }];
  return copy;
}
function planPromotion(input) {
  const { policy, holders, candidate, to, actor, via, now } = input;
  parseStage(policy, to);
  const from = candidate.deployment_stage;
  if (input.skipTransitionCheck) {
    if (from === to) throw refused(`already in stage "${to}": choose a different target stage`);
  } else {
    checkTransition(policy, from, to);
  }
  if (candidate.artifact.deleted === true) {
    throw refused(
      `${formatReference(candidate)} is archived (retention deleted its artifact); register the model again instead`
    );
  }
  const at = now.toISOString();
  const promoted = moved(candidate, to, at, actor, via);
  const demoted = policy.exclusive_stages.includes(to) ? holders.filter((v) => v.deployment_stage === to && v.version !== candidate.version).map((v) => moved(v, policy.demote_to, at, actor, `demoted-by:${formatReference(candidate)}`)) : [];
  return { updated: [promoted, ...demoted], from, demoted };
}

// src/domain/proposal.ts
function proposalBranch(name, version, stage) {
  return `mreg/promote/${name}/${version.replace(/\+/g, "_")}-to-${stage}`;
}
function proposalTitle(verb, name, version, from, to) {
  return `${verb} ${name} ${version}: ${from} \u2192 ${to}`;
}
var num = (n) => String(Number(n.toPrecision(6)));
var signed = (n) => n > 0 ? `+${num(n)}` : n < 0 ? `\u2212${num(-n)}` : "\xB10";
var code = (text) => `\`${text.replace(/`/g, "'")}\``;
var cell = (text) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
function metricsSection(candidate, holder) {
  if (!holder) {
    const rows2 = Object.entries(candidate.performance_metrics).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([metric, value]) => `| ${cell(metric)} | ${num(value)} |`);
    return [
      "### Metrics",
      "",
      "Nothing holds the stage now: there is no current version to compare with.",
      "",
      ...rows2.length > 0 ? ["| metric | candidate |", "| --- | ---: |", ...rows2] : ["The candidate has no recorded metrics."]
    ];
  }
  const comparison = compareModels([holder, candidate]);
  const rows = comparison.metrics.map((row) => {
    const [was, now] = row.values;
    const delta = row.deltas[1];
    const relative = row.relative[1];
    const change = delta === null || delta === void 0 ? "\u2014" : `${signed(delta)}${relative === null || relative === void 0 ? "" : ` (${signed(relative * 100)} %)`}`;
    const show = (v) => v === null || v === void 0 ? "\u2014" : num(v);
    return `| ${cell(row.metric)} | ${show(was)} | ${show(now)} | ${change} |`;
  });
  return [
    `### Metrics: candidate vs current ${formatReference(holder)}`,
    "",
    ...rows.length > 0 ? [
      `| metric | ${cell(holder.version)} (now) | ${cell(candidate.version)} (candidate) | \u0394 |`,
      "| --- | ---: | ---: | ---: |",
      ...rows
    ] : ["Neither version has recorded metrics."]
  ];
}
function gateStatus(result) {
  if (result.status === "pass") return "\u2705 pass";
  if (result.status === "not-applicable") return "\u2796 not applicable";
  if (result.status === "exempt") return "\u23ED\uFE0F exempt (rollback)";
  return result.gate === "min_approvals" ? "\u23F3 waiting for review" : "\u274C fail";
}
function proposalBody(facts) {
  const { candidate, from, to } = facts;
  const ref = formatReference(candidate);
  const action = facts.verb === "rollback" ? `Rolls **${ref}** back from ${code(from)} into ${code(to)}, which it held before.` : `Promotes **${ref}** from ${code(from)} to ${code(to)}.`;
  const lines = [action, ""];
  for (const d of facts.demoted) {
    lines.push(
      `Demotes **${formatReference(d)}** from ${code(to)} to ${code(d.deployment_stage)} (${code(to)} is exclusive).`,
      ""
    );
  }
  const others = facts.holders.slice(1).map(formatReference);
  lines.push(...metricsSection(candidate, facts.holders[0]));
  if (others.length > 0) lines.push("", `Also in ${code(to)}: ${others.join(", ")}.`);
  lines.push("", `### Gates for ${code(to)}`, "");
  if (facts.gates.some((g) => g.status === "exempt")) {
    lines.push(
      `A rollback is exempt from \`must_beat\`: ${ref} held ${code(to)} before (its \`stage_history\` shows it, and the policy check verifies that), so it need not beat the version it replaces. Every other gate applies.`,
      ""
    );
  }
  if (facts.gates.length === 0) lines.push(`${code(to)} has no gates.`);
  else {
    lines.push("| gate | status | detail |", "| --- | --- | --- |");
    for (const g of facts.gates) lines.push(`| ${cell(g.gate)} | ${gateStatus(g)} | ${cell(g.message)} |`);
  }
  const artifact = candidate.artifact;
  lines.push(
    "",
    "### Artifact",
    "",
    `- model_id: ${code(candidate.model_id)}`,
    `- SHA-256: ${code(candidate.checksum)}`,
    `- file: ${code(artifact.file_name)} (${artifact.size} bytes, ${artifact.store})`
  );
  if (artifact.release?.url) lines.push(`- release: ${artifact.release.url}`);
  lines.push(
    "",
    "### Lineage",
    "",
    `- parent_model_id: ${candidate.parent_model_id ? code(candidate.parent_model_id) : "none"}`,
    `- dataset_version: ${candidate.dataset_version ? code(candidate.dataset_version) : "none"}`
  );
  if (candidate.source.commit) lines.push(`- trained at commit: ${code(candidate.source.commit)}`);
  if (candidate.source.workflow_run) lines.push(`- training run: ${candidate.source.workflow_run}`);
  lines.push(
    "",
    "### Commit",
    "",
    "```",
    facts.commitMessage.trimEnd().replace(/```/g, "'''"),
    "```",
    "",
    "<sub>Opened by mreg. The `model-registry/policy` status is the policy check; merging applies the change.</sub>"
  );
  return lines.join("\n") + "\n";
}

// src/commands/promote.ts
var REVIEW_GATES = /* @__PURE__ */ new Set(["min_approvals", "require_pull_request"]);
async function promote(ctx, input) {
  if (ctx.channel === "pull-request" && ctx.review) return proposePromotion(ctx, ctx.review, input);
  const outcome = await updateRegistry(ctx, async (snapshot) => {
    const planned = await planChange(ctx, snapshot, input, "direct", input.via ?? "promote");
    return { change: planned.change, result: planned.result };
  });
  return { ...outcome.result, commit: outcome.commit };
}
async function planChange(ctx, snapshot, input, mode, via) {
  const policy = snapshot.policy;
  const to = parseStage(policy, input.to);
  const { version: candidate } = await resolve(snapshot, input.reference);
  const holdersMatter = policy.exclusive_stages.includes(to) || normaliseMustBeat(gateFor(policy, to).must_beat, policy) !== null || mode === "proposal";
  const holders = holdersMatter ? (await stageHolders(snapshot, candidate.name, to)).filter((v) => v.version !== candidate.version) : [];
  const plan = planPromotion({
    policy,
    holders,
    candidate,
    to,
    actor: ctx.actor,
    via,
    now: ctx.now(),
    skipTransitionCheck: input.skipTransitionCheck
  });
  const verdict = evaluateGates({
    policy,
    candidate,
    stage: to,
    holders,
    channel: mode === "proposal" ? "pull-request" : ctx.channel,
    approvals: input.approvals,
    viaPullRequest: mode === "proposal" || via.startsWith("pull/"),
    rollback: isRollbackVia(via) && heldBefore(candidate, to)
  });
  const blocking = verdict.results.filter(
    (r) => r.status === "fail" && (mode === "direct" || !REVIEW_GATES.has(r.gate))
  );
  if (blocking.length > 0) {
    throw refused(
      `cannot promote ${formatReference(candidate)} to ${to}: ${blocking.map((r) => r.message).join("; ")}`,
      { gates: verdict.results }
    );
  }
  await verifyBeforeProtectedStage(ctx, policy, candidate, to);
  const verb = isRollbackVia(via) ? "rollback" : "promote";
  const [promoted] = plan.updated;
  return {
    result: { version: promoted, from: plan.from, to, demoted: plan.demoted, gates: verdict.results },
    change: {
      ...promotionChange(candidate.name, plan.from, to, plan.updated, plan.demoted, via, verb),
      files: await layoutWrites(snapshot, { upserts: plan.updated })
    },
    candidate,
    holders,
    verb
  };
}
var verifiedFor = /* @__PURE__ */ new WeakMap();
async function verifyBeforeProtectedStage(ctx, policy, candidate, to) {
  if (!policy.retention.protect_stages.includes(to) && !policy.exclusive_stages.includes(to)) return;
  if (candidate.artifact.deleted) return;
  const verified = verifiedFor.get(ctx) ?? /* @__PURE__ */ new Set();
  verifiedFor.set(ctx, verified);
  if (verified.has(candidate.artifact.sha256)) return;
  const refuse = (why) => integrityError(`cannot promote ${formatReference(candidate)} to ${to}: ${why}; run 'mreg doctor'`, {
    sha256: candidate.artifact.sha256
  });
  const manifest = candidate.artifact.manifest;
  for (const [i, result] of (await (await openStore(ctx)).verifyFiles(candidate.artifact)).entries()) {
    const what = manifest ? `artifact file ${manifest[i]?.path}` : "artifact";
    if (result.error) throw refuse(result.error.message);
    if (!result.present) throw refuse(`its ${what} ${result.file.file_name} is missing from the store`);
    if (!result.ok) {
      throw refuse(
        `its stored ${what} has sha256 ${result.actual}, the registry records ${result.file.sha256}`
      );
    }
  }
  verified.add(candidate.artifact.sha256);
}
async function proposePromotion(ctx, review, input) {
  const backend = ctx.backend;
  if (!backend.propose) {
    throw new RegistryError(
      "refused",
      `${backend.description} cannot carry proposals, so promotions cannot go through pull requests there`
    );
  }
  const snapshot = await backend.snapshot();
  const to = parseStage(snapshot.policy, input.to);
  const target = (await resolve(snapshot, input.reference)).version;
  const branch = proposalBranch(target.name, target.version, to);
  const build = (via2) => async (tip) => {
    const planned2 = await planChange(ctx, tip, input, "proposal", via2);
    if (planned2.candidate.name !== target.name || planned2.candidate.version !== target.version) {
      throw new RegistryError(
        "conflict",
        `${input.reference} now names ${formatReference(planned2.candidate)}, not ${formatReference(target)}; run the promotion again`
      );
    }
    for (const file of planned2.change.files) {
      if (file.content !== null) validateRegistryFile(file.path, file.content);
    }
    return { change: planned2.change, result: planned2 };
  };
  const request = (planned2) => ({
    branch,
    base: backend.branch,
    title: proposalTitle(
      planned2.verb,
      planned2.candidate.name,
      planned2.candidate.version,
      planned2.result.from,
      planned2.result.to
    ),
    body: proposalBody({
      verb: planned2.verb,
      candidate: planned2.candidate,
      from: planned2.result.from,
      to: planned2.result.to,
      holders: planned2.holders,
      demoted: planned2.result.demoted,
      gates: planned2.result.gates,
      commitMessage: formatCommitMessage(planned2.change)
    })
  });
  const via = (how) => input.via === ROLLBACK_VIA ? `${ROLLBACK_VIA}:${how}` : how;
  const opening = await backend.propose(build(via("pull-request")), branch);
  const pull = await review.openOrUpdateProposal(request(opening.result));
  const final = await backend.propose(build(via(`pull/${pull.number}`)), branch);
  await review.openOrUpdateProposal(request(final.result));
  const checked = await check(ctx, { base: final.base, head: final.commit, pullNumber: pull.number });
  const planned = final.result;
  const candidateRef = formatReference(planned.candidate);
  const gates = checked.gates.find((g) => g.subject === candidateRef && g.stage === to)?.results;
  return {
    ...planned.result,
    gates: gates ?? planned.result.gates,
    commit: final.commit,
    pull_request: { ...pull, branch, base: final.base },
    status: {
      state: checked.status.state,
      description: checked.status.description,
      context: checked.status.context
    }
  };
}
function promotionChange(name, from, to, updated, demoted, via, verb) {
  const [promoted] = updated;
  const trailers = {
    "Model-Id": promoted.model_id,
    Stage: `${from} -> ${to}`,
    Via: via
  };
  if (demoted.length > 0)
    trailers.Demoted = demoted.map((d) => `${d.version} -> ${d.deployment_stage}`).join(", ");
  return {
    subject: `${verb} ${name} ${promoted.version}: ${from} \u2192 ${to}`,
    body: demoted.length > 0 ? demoted.map((d) => `demote ${name} ${d.version}: ${to} \u2192 ${d.deployment_stage}`).join("\n") : void 0,
    trailers
  };
}

// src/cli/render/promotion.ts
function renderPromotion(result) {
  const verb = isRollbackVia(result.version.stage_history.at(-1)?.via) ? "Rolled back" : "Promoted";
  const pull = result.pull_request;
  const lines = pull ? [
    `${pull.created ? "Opened" : "Updated"} pull request #${pull.number} to move ${formatReference(result.version)}: ${result.from} \u2192 ${result.to}`,
    pull.url
  ] : [`${verb} ${formatReference(result.version)}: ${result.from} \u2192 ${result.to}`];
  for (const demoted of result.demoted) {
    lines.push(
      `${pull ? "Would demote" : "Demoted"} ${formatReference(demoted)}: ${result.to} \u2192 ${demoted.deployment_stage}`
    );
  }
  if (result.gates.length > 0) {
    lines.push(
      "",
      table(
        [{ header: "GATE" }, { header: "RESULT" }, { header: "DETAIL" }],
        result.gates.map((g) => [g.gate, g.status, g.message])
      )
    );
  }
  if (pull) {
    lines.push("", `proposal ${result.commit.slice(0, 12)} on ${pull.branch}`);
    if (result.status)
      lines.push(`status ${result.status.context}: ${result.status.state} \u2014 ${result.status.description}`);
  } else {
    lines.push("", `commit ${result.commit.slice(0, 12)}`);
  }
  return lines.join("\n");
}

export {
  promote,
  renderPromotion
};
