import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  parseMetricAssignment,
  parseMetricsObject
} from "./cli-chunk-ODUTP5J6.js";
import {
  invalidInput
} from "./cli-chunk-VHUSGLFD.js";

// src/domain/json-input.ts
var MAX_JSON_DEPTH = 64;
function splitList(text) {
  if (text === void 0) return [];
  return text.split(/[\n,]/).map((item) => item.trim()).filter((item) => item !== "");
}
function jsonOrFile(text, label) {
  const trimmed = text.trim();
  if (/^[["]/.test(trimmed) || ["true", "false", "null"].includes(trimmed)) {
    throw invalidInput(`${label} must be a JSON object or a path to a JSON file, not ${trimmed.slice(0, 40)}`);
  }
  if (!trimmed.startsWith("{")) return { file: trimmed };
  let value;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    throw invalidInput(
      `${label} is not valid JSON (${error.message}): give a JSON object or a path to a JSON file`
    );
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw invalidInput(`${label} must be a JSON object or a path to a JSON file`);
  }
  tooDeep(value, label);
  return { json: value };
}
function metricsOrFile(text, label) {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{") && !trimmed.includes("=")) {
    const named = jsonOrFile(trimmed, label);
    if ("file" in named) return named;
  }
  return { metrics: parseMetricsText(trimmed, label) };
}
function parseMetricsText(text, label) {
  if (text.startsWith("{")) {
    let value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw invalidInput(
        `${label} is not valid JSON (${error.message}): give a JSON object, k=v pairs or a path to a JSON file`
      );
    }
    tooDeep(value, label);
    return parseMetricsObject(value, label);
  }
  const metrics = {};
  for (const assignment of splitList(text)) {
    const [key, value] = parseMetricAssignment(assignment.replace(/\s*=\s*/, "="));
    metrics[key] = value;
  }
  return metrics;
}
function nestingDepth(value) {
  let deepest = 0;
  const stack = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop();
    if (node === null || typeof node !== "object") continue;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}
function tooDeep(value, label) {
  if (nestingDepth(value) > MAX_JSON_DEPTH)
    throw invalidInput(`${label} is nested more than ${MAX_JSON_DEPTH} levels deep: flatten it`);
}

export {
  MAX_JSON_DEPTH,
  splitList,
  jsonOrFile,
  metricsOrFile,
  nestingDepth
};
