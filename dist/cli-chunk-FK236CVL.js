import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  parseMetricAssignment
} from "./cli-chunk-ODUTP5J6.js";
import {
  parseSortKey
} from "./cli-chunk-RQQIPJBH.js";
import {
  parseModelType,
  parseName,
  parseTag
} from "./cli-chunk-TPXH7SUW.js";
import {
  invalidInput
} from "./cli-chunk-VHUSGLFD.js";

// src/cli/options.ts
function collect(value, previous = []) {
  return [...previous, value];
}
function metricsFromAssignments(assignments = []) {
  const metrics = {};
  for (const assignment of assignments) {
    const [key, value] = parseMetricAssignment(assignment);
    metrics[key] = value;
  }
  return metrics;
}
function positiveInteger(value, option) {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw invalidInput(`${option} must be a whole number \u2265 1, got "${value}"`);
  return Number(value);
}
function nonNegativeNumber(value, option) {
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number) || number < 0) {
    throw invalidInput(`${option} must be a number \u2265 0, got "${value}"`);
  }
  return number;
}
function criteriaFrom(options) {
  const criteria = {};
  if (options.name !== void 0) criteria.name = parseName(options.name);
  if (options.type !== void 0) criteria.model_type = parseModelType(options.type);
  if (options.stage !== void 0) criteria.stage = options.stage;
  if (options.tag?.length) criteria.tags = options.tag.map(parseTag);
  if (options.min?.length) criteria.min_metrics = metricsFromAssignments(options.min);
  if (options.includeArchived) criteria.include_archived = true;
  return criteria;
}
function hasCriteria(options) {
  return Boolean(
    options.name || options.type || options.modelType || options.stage || options.tag?.length || options.tags || options.min?.length || options.minMetrics
  );
}
function sortFrom(value) {
  return value === void 0 ? void 0 : parseSortKey(value);
}

export {
  collect,
  metricsFromAssignments,
  positiveInteger,
  nonNegativeNumber,
  criteriaFrom,
  hasCriteria,
  sortFrom
};
