import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  ARCHIVED_STAGE,
  RegistryError,
  invalidInput,
  refused
} from "./cli-chunk-VHUSGLFD.js";

// src/domain/policy.ts
function defaultPolicy(store = "local") {
  return {
    schema_version: 1,
    stages: ["development", "staging", "canary", "production", "shadow", "deprecated", "archived"],
    initial_stage: "development",
    transitions: {
      development: ["staging", "shadow", "deprecated"],
      staging: ["canary", "shadow", "production", "development", "deprecated"],
      shadow: ["staging", "canary", "deprecated"],
      canary: ["production", "staging", "deprecated"],
      production: ["staging", "deprecated"],
      deprecated: ["staging", "archived"],
      archived: []
    },
    exclusive_stages: ["production", "canary"],
    demote_to: "deprecated",
    gates: {
      production: { min_metrics: {}, must_beat: null, min_approvals: 1, require_pull_request: true }
    },
    require_metadata: [],
    retention: {
      keep_last: 10,
      min_age_days: 0,
      protect_stages: ["production", "canary", "staging", "shadow"],
      mode: "archive",
      auto_cleanup: false,
      cleanup_interval_hours: 24
    },
    artifacts: { store, max_part_bytes: 2147483e3, compression: "none" },
    metrics: {}
  };
}
function lowerIsBetter(policy, metric) {
  const settings = policy?.metrics;
  return settings !== void 0 && Object.hasOwn(settings, metric) && settings[metric]?.lower_is_better === true;
}
function own(record, key) {
  return Object.hasOwn(record, key) ? record[key] : void 0;
}
function checkPolicyConsistency(policy, where = "registry.json", kind = "integrity") {
  const declared = new Set(policy.stages);
  const fail = (path, message) => {
    throw new RegistryError(kind, `${where}: ${path} ${message}`, { file: where, path });
  };
  const requireStage = (stage, path) => {
    if (!declared.has(stage)) {
      fail(
        path,
        `names unknown stage "${stage}"; add it to $.stages or use one of ${policy.stages.join(", ")}`
      );
    }
  };
  requireStage(policy.initial_stage, "$.initial_stage");
  for (const [from, targets] of Object.entries(policy.transitions)) {
    requireStage(from, `$.transitions.${from}`);
    targets.forEach((to, i) => requireStage(to, `$.transitions.${from}[${i}]`));
  }
  policy.exclusive_stages.forEach((s, i) => requireStage(s, `$.exclusive_stages[${i}]`));
  requireStage(policy.demote_to, "$.demote_to");
  if (policy.exclusive_stages.includes(policy.demote_to)) {
    fail(
      "$.demote_to",
      `is the exclusive stage "${policy.demote_to}"; demote to a non-exclusive stage such as deprecated`
    );
  }
  for (const stage of Object.keys(policy.gates)) requireStage(stage, `$.gates.${stage}`);
  policy.retention.protect_stages.forEach((s, i) => requireStage(s, `$.retention.protect_stages[${i}]`));
  for (const [stage, gate] of Object.entries(policy.gates)) {
    const rule = gate.must_beat;
    if (rule === null || rule === void 0 || typeof rule === "string") continue;
    if (rule.lower_is_better === void 0 || policy.metrics === void 0) continue;
    if (!Object.hasOwn(policy.metrics, rule.metric)) continue;
    if (rule.lower_is_better !== lowerIsBetter(policy, rule.metric)) {
      fail(
        `$.gates.${stage}.must_beat.lower_is_better`,
        `is ${rule.lower_is_better} but $.metrics.${rule.metric}.lower_is_better says ${lowerIsBetter(policy, rule.metric)}; remove it from must_beat or make them agree`
      );
    }
  }
  return policy;
}
function allowedTargets(policy, from) {
  return own(policy.transitions, from) ?? [];
}
function checkTransition(policy, from, to) {
  if (!policy.stages.includes(to)) {
    throw invalidInput(`unknown stage "${to}": use one of ${policy.stages.join(", ")}`);
  }
  if (from === to) throw refused(`already in stage "${to}": choose a different target stage`);
  const allowed = allowedTargets(policy, from);
  if (!allowed.includes(to)) {
    throw refused(
      `cannot move from "${from}" to "${to}": allowed from ${from}: ${allowed.length ? allowed.join(", ") : "none"}`,
      { from, to, allowed }
    );
  }
}
function gateFor(policy, stage) {
  return own(policy.gates, stage) ?? {};
}
function isOpenRegistrationStage(policy, stage) {
  if (stage === policy.initial_stage) return true;
  if (stage === ARCHIVED_STAGE || policy.exclusive_stages.includes(stage)) return false;
  const gate = gateFor(policy, stage);
  return Object.keys(gate.min_metrics ?? {}).length === 0 && (gate.must_beat === void 0 || gate.must_beat === null) && (gate.min_approvals ?? 0) === 0 && gate.require_pull_request !== true;
}

export {
  defaultPolicy,
  lowerIsBetter,
  checkPolicyConsistency,
  allowedTargets,
  checkTransition,
  gateFor,
  isOpenRegistrationStage
};
