import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  formatReference
} from "./cli-chunk-NCQXE2WX.js";
import {
  lowerIsBetter
} from "./cli-chunk-NRZ3EPD3.js";
import {
  invalidInput
} from "./cli-chunk-VHUSGLFD.js";

// src/domain/comparison.ts
function metricOf(v, metric) {
  return Object.hasOwn(v.performance_metrics, metric) ? v.performance_metrics[metric] ?? null : null;
}
function row(metric, versions, policy) {
  const values = versions.map((v) => metricOf(v, metric));
  const base = values[0] ?? null;
  const deltas = values.map((x) => x === null || base === null ? null : x - base);
  const relative = deltas.map((d) => d === null || base === null || base === 0 ? null : d / Math.abs(base));
  const better = lowerIsBetter(policy, metric) ? "lower" : "higher";
  const present = values.filter((x) => x !== null);
  const top = present.length === 0 ? null : better === "lower" ? Math.min(...present) : Math.max(...present);
  const winners = top === null ? [] : values.flatMap((x, i) => x === top ? [i] : []);
  return {
    metric,
    values,
    deltas,
    relative,
    better,
    best: winners.length === 1 ? winners[0] : null,
    tied: winners.length > 1 ? winners : []
  };
}
function compareModels(versions, policy) {
  if (versions.length < 2) {
    throw invalidInput(
      `compare needs at least 2 versions, got ${versions.length}; name two or more references`
    );
  }
  const names = [...new Set(versions.flatMap((v) => Object.keys(v.performance_metrics)))].sort();
  return {
    versions: versions.map((v) => ({
      ref: formatReference(v),
      model_id: v.model_id,
      stage: v.deployment_stage,
      registered_at: v.registered_at
    })),
    metrics: names.map((metric) => row(metric, versions, policy))
  };
}
function describeBest(row2, refs) {
  if (row2.tied.length > 0) return `tie: ${row2.tied.map((i) => refs[i]).join(", ")}`;
  return row2.best === null ? "\u2014" : refs[row2.best] ?? "\u2014";
}
function describeMetric(row2) {
  return row2.better === "lower" ? `${row2.metric} (lower is better)` : row2.metric;
}

export {
  compareModels,
  describeBest,
  describeMetric
};
