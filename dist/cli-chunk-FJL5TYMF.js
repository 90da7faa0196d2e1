import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  parseName
} from "./cli-chunk-TPXH7SUW.js";
import {
  invalidInput
} from "./cli-chunk-VHUSGLFD.js";

// src/domain/model-id.ts
var MODEL_ID_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,62}_[0-9]{8}_[0-9]{6}(_[0-9]+)?$/;
var SUFFIX = /_[0-9]{8}_[0-9]{6}(_[0-9]+)?$/;
var pad = (n, width = 2) => String(n).padStart(width, "0");
function formatTimestamp(date) {
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 0 || year > 9999) {
    throw invalidInput(`invalid registration time ${String(date)}: use a date between years 0 and 9999`);
  }
  return pad(year, 4) + pad(date.getUTCMonth() + 1) + pad(date.getUTCDate()) + "_" + pad(date.getUTCHours()) + pad(date.getUTCMinutes()) + pad(date.getUTCSeconds());
}
function makeModelId(name, registeredAt, taken) {
  const base = `${parseName(name)}_${formatTimestamp(registeredAt)}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}_${n}`;
    if (!taken.has(id)) return id;
  }
}
function isModelId(s) {
  return MODEL_ID_PATTERN.test(s);
}
function nameFromModelId(id) {
  if (!isModelId(id)) {
    throw invalidInput(
      `invalid model_id "${id}": expected <name>_<YYYYMMDD>_<HHMMSS>, e.g. isolation_forest_20261127_143000`
    );
  }
  return id.replace(SUFFIX, "");
}

export {
  makeModelId,
  isModelId,
  nameFromModelId
};
