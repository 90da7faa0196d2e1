import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  formatReference
} from "./cli-chunk-NCQXE2WX.js";
import {
  gateFor,
  lowerIsBetter
} from "./cli-chunk-NRZ3EPD3.js";

// src/domain/gates.ts
var ROLLBACK_VIA = "rollback";
function isRollbackVia(via) {
  return via === ROLLBACK_VIA || (via?.startsWith(`${ROLLBACK_VIA}:`) ?? false);
}
function heldBefore(v, stage) {
  return v.stage_history.some((e) => e.stage === stage);
}
var fmt = (n) => String(Number(n.toPrecision(12)));
function metricOf(v, metric) {
  return Object.hasOwn(v.performance_metrics, metric) ? v.performance_metrics[metric] : void 0;
}
function minMetrics(gate, input) {
  return Object.entries(gate.min_metrics ?? {}).map(([metric, threshold]) => {
    const name = `min_metrics.${metric}`;
    const value = metricOf(input.candidate, metric);
    if (value === void 0) {
      return {
        gate: name,
        status: "fail",
        message: `${metric} is missing; ${input.stage} requires ${metric} >= ${fmt(threshold)}`
      };
    }
    return value >= threshold ? { gate: name, status: "pass", message: `${metric} ${fmt(value)} >= ${fmt(threshold)}` } : {
      gate: name,
      status: "fail",
      message: `${metric} ${fmt(value)} is below the ${fmt(threshold)} ${input.stage} requires`
    };
  });
}
function normaliseMustBeat(mustBeat2, policy) {
  if (mustBeat2 === void 0 || mustBeat2 === null) return null;
  const rule = typeof mustBeat2 === "string" ? { metric: mustBeat2 } : mustBeat2;
  return { ...rule, lower_is_better: rule.lower_is_better ?? lowerIsBetter(policy, rule.metric) };
}
function beats(candidate, holder, rule) {
  const improvement = rule.lower_is_better ? holder - candidate : candidate - holder;
  const minDelta = rule.min_delta ?? 0;
  if (minDelta <= 0) return improvement > 0;
  const tolerance = 1e-9 * Math.max(1, Math.abs(candidate), Math.abs(holder));
  return improvement >= minDelta - tolerance;
}
function mustBeat(gate, input) {
  const rule = normaliseMustBeat(gate.must_beat, input.policy);
  if (!rule) return [];
  const { metric } = rule;
  const name = `must_beat.${metric}`;
  const direction = rule.lower_is_better ? "lower" : "higher";
  if (input.rollback) {
    return [
      {
        gate: name,
        status: "exempt",
        message: `exempt: a rollback \u2014 ${formatReference(input.candidate)} held ${input.stage} before (its stage_history), so it need not beat the current holder; every other gate applies`
      }
    ];
  }
  const value = metricOf(input.candidate, metric);
  if (value === void 0) {
    return [
      {
        gate: name,
        status: "fail",
        message: `${metric} is missing; ${input.stage} requires beating the current holder on it`
      }
    ];
  }
  const holders = input.holders.filter(
    (h) => !(h.name === input.candidate.name && h.version === input.candidate.version)
  );
  if (holders.length === 0) {
    return [{ gate: name, status: "pass", message: `no current holder of ${input.stage} to beat` }];
  }
  const comparable = holders.filter((h) => metricOf(h, metric) !== void 0);
  const lacking = holders.filter((h) => metricOf(h, metric) === void 0).map(formatReference);
  const note = lacking.length ? `; ${lacking.join(", ")} has no ${metric}` : "";
  if (comparable.length === 0) {
    return [
      { gate: name, status: "pass", message: `nothing to beat: ${lacking.join(", ")} has no ${metric}` }
    ];
  }
  const delta = rule.min_delta ? ` by at least ${fmt(rule.min_delta)}` : "";
  const losers = comparable.filter((h) => !beats(value, metricOf(h, metric), rule));
  const against = (hs) => hs.map((h) => `${formatReference(h)} ${fmt(metricOf(h, metric))}`).join(", ");
  if (losers.length) {
    return [
      {
        gate: name,
        status: "fail",
        message: `${metric} ${fmt(value)} does not beat ${against(losers)} (${direction} is better${delta})${note}`
      }
    ];
  }
  return [
    {
      gate: name,
      status: "pass",
      message: `${metric} ${fmt(value)} beats ${against(comparable)} (${direction} is better${delta})${note}`
    }
  ];
}
var NO_REVIEW = "no review channel locally; enforced on pull requests to the registry branch";
function review(gate, input) {
  const results = [];
  if (gate.min_approvals !== void 0) {
    const need = gate.min_approvals;
    if (input.channel === "local") {
      results.push({
        gate: "min_approvals",
        status: "not-applicable",
        message: `${need} approval(s) required: ${NO_REVIEW}`
      });
    } else {
      const have = input.approvals ?? 0;
      results.push(
        have >= need ? { gate: "min_approvals", status: "pass", message: `${have} approval(s), ${need} required` } : {
          gate: "min_approvals",
          status: "fail",
          message: `${have} approval(s), ${need} required; get the pull request approved`
        }
      );
    }
  }
  if (gate.require_pull_request === true) {
    if (input.channel === "local") {
      results.push({
        gate: "require_pull_request",
        status: "not-applicable",
        message: `pull request required: ${NO_REVIEW}`
      });
    } else {
      results.push(
        input.viaPullRequest ? {
          gate: "require_pull_request",
          status: "pass",
          message: "the change comes through a pull request"
        } : {
          gate: "require_pull_request",
          status: "fail",
          message: `a move to ${input.stage} must come through a pull request; promote on GitHub opens one`
        }
      );
    }
  }
  return results;
}
function evaluateGates(input) {
  const gate = gateFor(input.policy, input.stage);
  const results = [...minMetrics(gate, input), ...mustBeat(gate, input), ...review(gate, input)];
  return { passed: results.every((r) => r.status !== "fail"), results };
}
function present(value) {
  if (value === null || value === void 0) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}
var METRIC_PREFIX = "performance_metrics.";
function checkRequiredMetadata(policy, doc) {
  return policy.require_metadata.map((field) => {
    const gate = `require_metadata.${field}`;
    if (field.startsWith(METRIC_PREFIX)) {
      const metric = field.slice(METRIC_PREFIX.length);
      const value2 = metricOf(doc, metric);
      return value2 !== void 0 && Number.isFinite(value2) ? { gate, status: "pass", message: `${metric} = ${fmt(value2)}` } : {
        gate,
        status: "fail",
        message: `metric ${metric} is required by registry.json; register it with a value`
      };
    }
    const record = doc;
    const value = Object.hasOwn(record, field) ? record[field] : void 0;
    return present(value) ? { gate, status: "pass", message: `${field} is set` } : {
      gate,
      status: "fail",
      message: `${field} is required by registry.json and is empty; set it when registering`
    };
  });
}

export {
  ROLLBACK_VIA,
  isRollbackVia,
  heldBefore,
  normaliseMustBeat,
  evaluateGates,
  checkRequiredMetadata
};
