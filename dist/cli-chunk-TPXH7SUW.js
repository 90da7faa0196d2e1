import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  invalidInput
} from "./cli-chunk-VHUSGLFD.js";

// src/domain/names.ts
var NAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,62}$/;
var TAG_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:+-]{0,63}$/;
var METRIC_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
var NAME_RULE = "use lowercase letters, digits, '.', '_' or '-', starting with a letter or digit (max 63)";
function parseName(input, what = "model name") {
  if (input === "") throw invalidInput(`${what} is empty: ${NAME_RULE}`);
  if (input.includes("..")) {
    throw invalidInput(`invalid ${what} "${input}": '..' is not allowed; ${NAME_RULE}`);
  }
  if (!NAME_PATTERN.test(input)) {
    throw invalidInput(`invalid ${what} "${input}": ${NAME_RULE}`);
  }
  return input;
}
function parseModelType(input) {
  return parseName(input, "model type");
}
function parseTag(input) {
  if (!TAG_PATTERN.test(input)) {
    throw invalidInput(
      `invalid tag "${input}": use letters, digits, '_', '.', ':', '+' or '-', starting with a letter or digit (max 64)`
    );
  }
  return input;
}
function parseMetricName(input) {
  if (!METRIC_NAME_PATTERN.test(input)) {
    throw invalidInput(
      `invalid metric name "${input}": use letters, digits, '_', '.' or '-', starting with a letter (max 64)`
    );
  }
  return input;
}
function parseStage(policy, input) {
  if (!policy.stages.includes(input)) {
    throw invalidInput(`unknown stage "${input}": use one of ${policy.stages.join(", ")}`);
  }
  return input;
}

export {
  METRIC_NAME_PATTERN,
  parseName,
  parseModelType,
  parseTag,
  parseMetricName,
  parseStage
};
