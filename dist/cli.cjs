#!/usr/bin/env node
"use strict";

// src/cli/launcher.ts
var import_node_fs = require("node:fs");
var import_node_module = require("node:module");
var import_node_path2 = require("node:path");
var import_node_vm = require("node:vm");

// src/cli/cache-home.ts
var import_node_os = require("node:os");
var import_node_path = require("node:path");
function mregCacheHome(env) {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && (0, import_node_path.isAbsolute)(xdg)) return (0, import_node_path.join)(xdg, "mreg");
  const home = env.HOME ?? systemHome();
  return home && (0, import_node_path.isAbsolute)(home) ? (0, import_node_path.join)(home, ".cache", "mreg") : void 0;
}
function systemHome() {
  try {
    return (0, import_node_os.homedir)();
  } catch {
    return void 0;
  }
}

// src/cli/compile-cache.ts
var COMMAND_RAN_EVENT = "mreg:command-ran";

// src/cli/launcher.ts
var CACHE_PREFIX = "compile-";
function cacheDirectory() {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return void 0;
  const home = mregCacheHome(process.env);
  return home && (0, import_node_path2.join)(home, "compile");
}
function readCache(file) {
  try {
    if (!file) return void 0;
    const bytes = (0, import_node_fs.readFileSync)(file);
    const headerEnd = 4 + (bytes.length >= 4 ? bytes.readUInt32LE(0) : Infinity);
    if (headerEnd > bytes.length) return void 0;
    const header = bytes.subarray(4, headerEnd).toString("utf8");
    return { commands: new Set(header === "" ? [] : header.split(",")), data: bytes.subarray(headerEnd) };
  } catch {
    return void 0;
  }
}
function cacheBytes(commands, data) {
  const header = Buffer.from([...commands].join(","), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length, 0);
  return Buffer.concat([length, header, data]);
}
var KEPT_CACHES = 4;
function writeCache(dir2, name, data) {
  const temporary = (0, import_node_path2.join)(dir2, `.${name}.${process.pid}`);
  try {
    (0, import_node_fs.mkdirSync)(dir2, { recursive: true, mode: 448 });
    (0, import_node_fs.writeFileSync)(temporary, data, { mode: 384 });
    (0, import_node_fs.renameSync)(temporary, (0, import_node_path2.join)(dir2, name));
    const caches = (0, import_node_fs.readdirSync)(dir2).filter((file) => file.startsWith(CACHE_PREFIX)).map((file) => ({ file, written: (0, import_node_fs.statSync)((0, import_node_path2.join)(dir2, file)).mtimeMs })).sort((a, b) => b.written - a.written);
    for (const { file } of caches.slice(KEPT_CACHES))
      if (file !== name) (0, import_node_fs.rmSync)((0, import_node_path2.join)(dir2, file), { force: true });
  } catch {
    try {
      (0, import_node_fs.rmSync)(temporary, { force: true });
    } catch {
    }
  }
}
var program = (0, import_node_path2.join)(__dirname, "cli-program-DHBRVXLH.cjs");
var dir = cacheDirectory();
var cacheName = `${CACHE_PREFIX}${"cli-program-DHBRVXLH.cjs".replace(/\.cjs$/, "")}-${process.version}-${process.arch}.v8`;
var cached = readCache(dir && (0, import_node_path2.join)(dir, cacheName));
var source = (0, import_node_fs.readFileSync)(program, "utf8");
var script = new import_node_vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}
})`, {
  filename: program,
  cachedData: cached?.data
});
if (dir) {
  const held = cached && !script.cachedDataRejected ? cached.commands : /* @__PURE__ */ new Set();
  let command;
  process.once(COMMAND_RAN_EVENT, (name) => command = name);
  process.once("exit", (code) => {
    if (code !== 0 || command === void 0) return;
    if (held.has(command)) return;
    writeCache(dir, cacheName, cacheBytes(/* @__PURE__ */ new Set([...held, command]), script.createCachedData()));
  });
}
var run = script.runInThisContext();
var module2 = { exports: {} };
run.call(module2.exports, module2.exports, (0, import_node_module.createRequire)(program), module2, program, __dirname);
