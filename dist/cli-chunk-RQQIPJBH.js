import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  parseMetricName
} from "./cli-chunk-TPXH7SUW.js";
import {
  lowerIsBetter
} from "./cli-chunk-NRZ3EPD3.js";
import {
  ARCHIVED_STAGE,
  compareSemver,
  invalidInput,
  isArchived,
  newestFirst
} from "./cli-chunk-VHUSGLFD.js";

// src/domain/selection.ts
var SORT_FORMS = "use registered, version or metric:<name>, e.g. metric:f1_score";
function parseSortKey(input) {
  if (input === "registered") return { by: "registered" };
  if (input === "version") return { by: "version" };
  if (input.startsWith("metric:")) {
    const metric = input.slice("metric:".length);
    try {
      return { by: "metric", metric: parseMetricName(metric) };
    } catch {
      throw invalidInput(`invalid sort key "${input}": "${metric}" is not a metric name; ${SORT_FORMS}`);
    }
  }
  throw invalidInput(`invalid sort key "${input}": ${SORT_FORMS}`);
}
function metricOf(v, metric) {
  return Object.hasOwn(v.performance_metrics, metric) ? v.performance_metrics[metric] : void 0;
}
function matchesCriteria(v, criteria) {
  if (criteria.name !== void 0 && v.name !== criteria.name) return false;
  if (criteria.model_type !== void 0 && v.model_type !== criteria.model_type) return false;
  if (criteria.stage !== void 0 && v.deployment_stage !== criteria.stage) return false;
  if (isArchived(v) && !criteria.include_archived && criteria.stage !== ARCHIVED_STAGE) return false;
  if (criteria.tags && !criteria.tags.every((t) => v.tags.includes(t))) return false;
  for (const [metric, min] of Object.entries(criteria.min_metrics ?? {})) {
    const value = metricOf(v, metric);
    if (value === void 0 || !(value >= min)) return false;
  }
  return true;
}
function tieBreak(a, b) {
  return newestFirst(a, b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function sortComparator(sort, policy) {
  switch (sort.by) {
    case "registered":
      return tieBreak;
    case "version":
      return (a, b) => compareSemver(b.version, a.version) || tieBreak(a, b);
    case "metric":
      return (a, b) => {
        const x = metricOf(a, sort.metric);
        const y = metricOf(b, sort.metric);
        if (x === void 0 || y === void 0) {
          if (x !== y) return x === void 0 ? 1 : -1;
          return tieBreak(a, b);
        }
        const better = lowerIsBetter(policy, sort.metric) ? x - y : y - x;
        return better || tieBreak(a, b);
      };
  }
}

export {
  parseSortKey,
  matchesCriteria,
  sortComparator
};
