import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  criteriaFrom,
  metricsFromAssignments
} from "./cli-chunk-FK236CVL.js";
import {
  either,
  minimumsFrom,
  tagsFrom
} from "./cli-chunk-7ROMD3FF.js";

// src/cli/run/criteria.ts
async function criteriaOf(o) {
  const criteria = criteriaFrom({
    ...o,
    type: either(o, "type", "model-type"),
    tag: tagsFrom(o),
    min: void 0
  });
  const minimums = await minimumsFrom(o, metricsFromAssignments(o.min));
  if (minimums !== void 0) criteria.min_metrics = minimums;
  return criteria;
}

export {
  criteriaOf
};
