import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  MAX_JSON_DEPTH,
  jsonOrFile,
  metricsOrFile,
  nestingDepth,
  splitList
} from "./cli-chunk-RXOADDI2.js";
import {
  mergeMetrics,
  parseMetricsObject
} from "./cli-chunk-ODUTP5J6.js";
import {
  invalidInput,
  isRegistryError
} from "./cli-chunk-VHUSGLFD.js";

// src/commands/json-file.ts
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { resolve } from "node:path";
var MAX_JSON_FILE_BYTES = 1024 * 1024;
async function readJsonObjectFile(path, what) {
  const text = await readBoundedText(path, what);
  return parseJsonObject(text, `${what} "${path}"`);
}
async function readBoundedText(path, what) {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw invalidInput(`${what} "${path}" ${openFailure(error)}: check the path`);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw invalidInput(`${what} "${path}" is a directory: give a JSON file`);
    if (!info.isFile()) throw invalidInput(`${what} "${path}" is not a regular file: give a JSON file`);
    if (info.size > MAX_JSON_FILE_BYTES) throw tooLarge(what, path);
    const buffer = Buffer.alloc(MAX_JSON_FILE_BYTES + 1);
    let length = 0;
    for (; ; ) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_JSON_FILE_BYTES) throw tooLarge(what, path);
    }
    return decodeUtf8(buffer.subarray(0, length), what, path);
  } catch (error) {
    if (isRegistryError(error)) throw error;
    throw invalidInput(`${what} "${path}" ${openFailure(error)}: check the file`);
  } finally {
    await handle.close().catch(() => void 0);
  }
}
function openFailure(error) {
  const code = error.code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return "not found";
    case "EISDIR":
      return "is a directory";
    case "EACCES":
    case "EPERM":
      return "cannot be read (permission denied)";
    default:
      return `cannot be read (${code ?? error.message})`;
  }
}
function tooLarge(what, path) {
  return invalidInput(
    `${what} "${path}" is larger than ${MAX_JSON_FILE_BYTES / 1024 / 1024} MiB, the limit for metadata files: keep large data out of the registry`
  );
}
function decodeUtf8(bytes, what, path) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidInput(`${what} "${path}" is not valid UTF-8 text: save it as UTF-8 JSON`);
  }
}
function parseJsonObject(text, where) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalidInput(`${where} is not valid JSON (${error.message}): fix the JSON`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw invalidInput(`${where} must be a JSON object ({"key": value, \u2026})`);
  }
  if (nestingDepth(value) > MAX_JSON_DEPTH) {
    throw invalidInput(`${where} is nested more than ${MAX_JSON_DEPTH} levels deep: flatten it`);
  }
  return value;
}
async function loadJsonInput(value, base, label) {
  if (value === void 0) return void 0;
  return "json" in value ? value.json : readJsonObjectFile(resolve(base, value.file), `${label} file`);
}
async function loadMetricsInput(value, base, label) {
  if (value === void 0) return void 0;
  if ("metrics" in value) return value.metrics;
  const where = `${label} file`;
  return parseMetricsObject(
    await readJsonObjectFile(resolve(base, value.file), where),
    `${where} "${value.file}"`
  );
}

// src/cli/vocabulary.ts
var get = (o, key) => o[key];
function either(o, flag, twin) {
  const a = get(o, camel(flag));
  const b = get(o, camel(twin));
  if (a !== void 0 && b !== void 0 && a !== b)
    throw invalidInput(`--${flag} and --${twin} name the same thing: give one of them`, { field: flag });
  return a ?? b;
}
function tagsFrom(o) {
  const tags = [
    ...get(o, "tag") ?? [],
    ...splitList(get(o, "tags"))
  ];
  return tags.length > 0 ? tags : void 0;
}
async function metricsFrom(o, assignments) {
  const file = get(o, "metricsFile");
  const text = get(o, "metrics");
  const fromFile = file ? parseMetricsObject(await readJsonObjectFile(file, "metrics file"), `metrics file "${file}"`) : {};
  const inline = text === void 0 ? {} : await loadMetricsInput(metricsOrFile(text, "--metrics"), process.cwd(), "--metrics") ?? {};
  return mergeMetrics(fromFile, inline, assignments);
}
async function minimumsFrom(o, assignments) {
  const text = get(o, "minMetrics");
  const given = text === void 0 ? void 0 : await loadMetricsInput(metricsOrFile(text, "--min-metrics"), process.cwd(), "--min-metrics");
  if (given === void 0 && Object.keys(assignments).length === 0) return void 0;
  return mergeMetrics(given ?? {}, assignments);
}
async function jsonFrom(o, fileFlag, flag) {
  const file = get(o, camel(fileFlag));
  const value = get(o, camel(flag));
  if (file !== void 0 && value !== void 0)
    throw invalidInput(`--${fileFlag} and --${flag} name the same thing: give one of them`, { field: flag });
  if (file !== void 0) return readJsonObjectFile(file, `--${fileFlag}`);
  if (value === void 0) return void 0;
  return loadJsonInput(jsonOrFile(value, `--${flag}`), process.cwd(), `--${flag}`);
}
function camel(flag) {
  return flag.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}

export {
  either,
  tagsFrom,
  metricsFrom,
  minimumsFrom,
  jsonFrom
};
