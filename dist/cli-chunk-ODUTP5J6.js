import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  METRIC_NAME_PATTERN,
  parseMetricName
} from "./cli-chunk-TPXH7SUW.js";
import {
  invalidInput
} from "./cli-chunk-VHUSGLFD.js";

// src/domain/metrics.ts
var DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
function parseMetricAssignment(input) {
  const eq = input.indexOf("=");
  if (eq < 0) {
    throw invalidInput(`invalid metric "${input}": write it as name=value, e.g. f1_score=0.91`);
  }
  const name = parseMetricName(input.slice(0, eq));
  const raw = input.slice(eq + 1);
  const value = DECIMAL.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(value)) {
    throw invalidInput(`invalid metric "${input}": the value must be a finite number, e.g. ${name}=0.91`);
  }
  return [name, value];
}
function parseMetricsObject(value, where) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidInput(`${where}: metrics must be a JSON object of numbers, e.g. {"f1_score": 0.91}`);
  }
  const entries = [];
  for (const [key, v] of Object.entries(value)) {
    if (!METRIC_NAME_PATTERN.test(key)) {
      throw invalidInput(
        `${where}: invalid metric name "${key}": use letters, digits, '_', '.' or '-', starting with a letter (max 64)`
      );
    }
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw invalidInput(
        `${where}: metric "${key}" must be a finite number, got ${JSON.stringify(v) ?? String(v)}`
      );
    }
    entries.push([key, v]);
  }
  return Object.fromEntries(entries);
}
function mergeMetrics(...sets) {
  return Object.fromEntries(sets.flatMap((set) => Object.entries(set)));
}

export {
  parseMetricAssignment,
  parseMetricsObject,
  mergeMetrics
};
