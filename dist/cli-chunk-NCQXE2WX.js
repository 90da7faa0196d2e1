import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  isModelId,
  nameFromModelId
} from "./cli-chunk-FJL5TYMF.js";
import {
  parseName
} from "./cli-chunk-TPXH7SUW.js";
import {
  invalidInput,
  isRegistryError,
  parseVersion
} from "./cli-chunk-VHUSGLFD.js";

// src/domain/references.ts
var FORMS = "use name, name@1.2.0, name@latest (highest version), name@newest (last registered), name@<stage> or a model_id such as name_20261127_143000";
var STAGE_WORD = /^[a-z][a-z0-9_-]{0,31}$/;
function reason(error) {
  if (isRegistryError(error)) return error.message;
  throw error;
}
function parseReference(input) {
  if (input === "") throw invalidInput(`empty reference: ${FORMS}`);
  const at = input.indexOf("@");
  if (at < 0) {
    if (isModelId(input)) return { kind: "model_id", model_id: input, name: nameFromModelId(input) };
    try {
      return { kind: "latest", name: parseName(input) };
    } catch (error) {
      throw invalidInput(`invalid reference "${input}" (${reason(error)}); ${FORMS}`);
    }
  }
  let name;
  try {
    name = parseName(input.slice(0, at));
  } catch (error) {
    throw invalidInput(`invalid reference "${input}" (${reason(error)}); ${FORMS}`);
  }
  const selector = input.slice(at + 1);
  if (selector === "latest") return { kind: "latest", name };
  if (selector === "newest") return { kind: "newest", name };
  if (/^v?\d/.test(selector)) {
    const literal = selector.startsWith("v") ? selector.slice(1) : selector;
    try {
      return { kind: "version", name, version: parseVersion(literal) };
    } catch (error) {
      throw invalidInput(`invalid reference "${input}" (${reason(error)}); ${FORMS}`);
    }
  }
  if (STAGE_WORD.test(selector)) return { kind: "stage", name, stage: selector };
  throw invalidInput(`invalid reference "${input}": ${FORMS}`);
}
function formatReference(v) {
  return `${v.name}@${v.version}`;
}

export {
  parseReference,
  formatReference
};
