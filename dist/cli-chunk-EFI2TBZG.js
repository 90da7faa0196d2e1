import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  formatCommitMessage,
  parseCommitMessage
} from "./cli-chunk-KBO4IHSY.js";
import {
  deriveIndex
} from "./cli-chunk-4O472LWZ.js";
import {
  fileSystemError
} from "./cli-chunk-JEUBDBLZ.js";
import {
  documentValue
} from "./cli-chunk-MB6ER4TW.js";
import {
  validateCatalog,
  validateModelHead,
  validateModelIndex,
  validateModelVersion,
  validatePolicy,
  validateRowShard
} from "./cli-chunk-B6Z2EQO6.js";
import {
  CATALOG_PATH,
  EMPTY_CATALOG,
  headPath,
  rowsDir,
  versionFilePath
} from "./cli-chunk-QINJBCE2.js";
import {
  checkPolicyConsistency
} from "./cli-chunk-NRZ3EPD3.js";
import {
  RegistryError
} from "./cli-chunk-VHUSGLFD.js";

// src/domain/proxy.ts
function proxyFromEnv(env) {
  const read = (name) => {
    const value2 = env[name.toLowerCase()] ?? env[name.toUpperCase()];
    return value2 === void 0 || value2.trim() === "" ? void 0 : value2.trim();
  };
  const settings = {};
  const httpProxy = read("http_proxy");
  const httpsProxy = read("https_proxy");
  const noProxy = read("no_proxy");
  if (httpProxy) settings.httpProxy = httpProxy;
  if (httpsProxy) settings.httpsProxy = httpsProxy;
  if (noProxy) settings.noProxy = noProxy;
  return settings;
}
var hasProxy = (settings) => Boolean(settings?.httpProxy || settings?.httpsProxy);
function proxyFor(url, settings) {
  if (!settings || !hasProxy(settings)) return void 0;
  const target = typeof url === "string" ? new URL(url) : url;
  const proxy = target.protocol === "https:" ? settings.httpsProxy ?? settings.httpProxy : settings.httpProxy;
  if (!proxy) return void 0;
  return bypassed(target, settings.noProxy ?? "") ? void 0 : proxy;
}
function bypassed(target, noProxy) {
  const host = target.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const port = Number(target.port) || (target.protocol === "https:" ? 443 : 80);
  for (const raw of noProxy.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === "") continue;
    if (entry === "*") return true;
    const match = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[|\](?=:|$)/g, ""));
    const name = (match[1] ?? "").replace(/^\*?\./, "");
    if (match[2] !== void 0 && Number(match[2]) !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

// src/registry/objects.ts
import { createHash, randomBytes } from "node:crypto";
import { mkdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
function hashObject(type, content) {
  const raw = Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content]);
  return { oid: createHash("sha1").update(raw).digest("hex"), raw };
}
async function writeObject(gitdir, type, content) {
  const { oid, raw } = hashObject(type, content);
  const dir = join(gitdir, "objects", oid.slice(0, 2));
  const target = join(dir, oid.slice(2));
  if (await exists(target)) return oid;
  const temp = join(dir, `tmp_obj_${process.pid}_${randomBytes(6).toString("hex")}`);
  try {
    await mkdir(dir).catch((error) => {
      if (error.code !== "EEXIST") throw error;
    });
    await writeFile(temp, deflateSync(raw), { flag: "wx", mode: 292 });
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => void 0);
    throw fileSystemError(error, "write a Git object into", join(gitdir, "objects"));
  }
  return oid;
}
async function exists(path) {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
var isTreeMode = (mode) => mode === "40000" || mode === "040000";
function sortKey(item) {
  return Buffer.from(isTreeMode(item.mode) ? `${item.name}/` : item.name);
}
function encodeTree(items) {
  const sorted = [...items].sort((a, b) => Buffer.compare(sortKey(a), sortKey(b)));
  const parts = [];
  for (const item of sorted) {
    const mode = isTreeMode(item.mode) ? "40000" : item.mode;
    parts.push(Buffer.from(`${mode} ${item.name}\0`), Buffer.from(item.oid, "hex"));
  }
  return Buffer.concat(parts);
}
function formatOffset(minutes) {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}
function clean(text) {
  return text.replace(/[<>\n\r\0]/g, "").trim();
}
function formatSignature(sig) {
  return `${clean(sig.name) || "unknown"} <${clean(sig.email)}> ${sig.timestamp} ${formatOffset(sig.offsetMinutes)}`;
}
function encodeCommit(options) {
  const lines = [`tree ${options.tree}`, ...options.parents.map((p) => `parent ${p}`)];
  lines.push(`author ${formatSignature(options.author)}`, `committer ${formatSignature(options.committer)}`);
  const message = options.message.endsWith("\n") ? options.message : `${options.message}
`;
  return Buffer.from(`${lines.join("\n")}

${message}`);
}
function signatureAt(identity, date) {
  return {
    name: identity.name,
    email: identity.email,
    timestamp: Math.floor(date.getTime() / 1e3),
    offsetMinutes: -date.getTimezoneOffset()
  };
}

// src/registry/git-identity.ts
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, isAbsolute, join as join2, resolve } from "node:path";
var FALLBACK_IDENTITY = { name: "mreg", email: "mreg@localhost" };
async function resolveCommitIdentity(gitdir, env = process.env) {
  const config = await readConfigChain(configFiles(gitdir, env));
  const fallback = [];
  const pick = (role, field) => {
    const fromEnv = env[`GIT_${role.toUpperCase()}_${field.toUpperCase()}`]?.trim();
    const value2 = fromEnv || config.get(`${role}.${field}`) || config.get(`user.${field}`) || (field === "email" ? env.EMAIL?.trim() : void 0);
    if (value2) return value2;
    fallback.push(`${role} ${field}`);
    return FALLBACK_IDENTITY[field];
  };
  return {
    author: { name: pick("author", "name"), email: pick("author", "email") },
    committer: { name: pick("committer", "name"), email: pick("committer", "email") },
    fallback
  };
}
function configFiles(gitdir, env) {
  const files = [];
  if (!env.GIT_CONFIG_NOSYSTEM || /^(0|false|no|off)$/i.test(env.GIT_CONFIG_NOSYSTEM))
    files.push(env.GIT_CONFIG_SYSTEM || "/etc/gitconfig");
  if (env.GIT_CONFIG_GLOBAL) files.push(env.GIT_CONFIG_GLOBAL);
  else {
    const home = env.HOME || homedir();
    files.push(join2(env.XDG_CONFIG_HOME || join2(home, ".config"), "git", "config"), join2(home, ".gitconfig"));
  }
  files.push(join2(gitdir, "config"));
  return files;
}
async function readConfigChain(files) {
  const values = /* @__PURE__ */ new Map();
  for (const file of files) await readConfigFile(file, values, 0);
  return values;
}
var MAX_INCLUDE_DEPTH = 10;
async function readConfigFile(file, into, depth) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return;
  }
  for (const [key, value2] of parseGitConfig(text)) {
    if (key === "include.path" && depth < MAX_INCLUDE_DEPTH) {
      const path = value2.startsWith("~/") ? join2(homedir(), value2.slice(2)) : value2;
      await readConfigFile(isAbsolute(path) ? path : resolve(dirname(file), path), into, depth + 1);
    } else into.set(key, value2);
  }
}
function parseGitConfig(text) {
  const entries = [];
  let section = "";
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const header = /^\s*\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\](.*)$/.exec(line);
    if (header) {
      const name = header[1].toLowerCase();
      section = header[2] === void 0 ? name : `${name}.${header[2].replace(/\\(.)/g, "$1")}`;
      line = header[3];
    }
    const entry = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*(?:=(.*))?$/.exec(line);
    if (!entry || section === "") continue;
    let raw = entry[2];
    while (raw !== void 0 && /(^|[^\\])(\\\\)*\\$/.test(raw) && i + 1 < lines.length) {
      raw = raw.slice(0, -1) + lines[++i];
    }
    entries.push([
      `${section}.${entry[1].toLowerCase()}`,
      raw === void 0 ? "true" : value(raw)
    ]);
  }
  return entries;
}
function value(raw) {
  let out = "";
  let quoted = false;
  let pendingSpace = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "\\" && i + 1 < raw.length) {
      const next = raw[++i];
      out += pendingSpace + ({ n: "\n", t: "	", b: "\b" }[next] ?? next);
      pendingSpace = "";
    } else if (c === '"') {
      out += pendingSpace;
      pendingSpace = "";
      quoted = !quoted;
    } else if (!quoted && (c === "#" || c === ";")) break;
    else if (!quoted && /\s/.test(c)) pendingSpace += out === "" ? "" : c;
    else {
      out += pendingSpace + c;
      pendingSpace = "";
    }
  }
  return out;
}

// src/registry/object-source.ts
import { spawn } from "node:child_process";
import fs from "node:fs";

// src/registry/isomorphic.ts
var loading;
function isomorphicGit() {
  loading ??= import("./cli-isomorphic-git-6UAABRUB.js").then((module) => module.default);
  return loading;
}

// src/registry/object-source.ts
function openObjectSource(gitdir, choice = "auto") {
  if (choice === "git-cli") return new CatFileSource(gitdir);
  if (choice === "isomorphic-git") return new IsomorphicSource(gitdir);
  return new FirstAvailableSource(gitdir);
}
var FirstAvailableSource = class {
  constructor(gitdir) {
    this.gitdir = gitdir;
    this.source = new CatFileSource(gitdir);
  }
  gitdir;
  source;
  read(oid, expected) {
    return this.withFallback((source) => source.read(oid, expected));
  }
  readPath(tree, path) {
    return this.withFallback((source) => source.readPath(tree, path));
  }
  async withFallback(use) {
    try {
      return await use(this.source);
    } catch (error) {
      if (error.code !== GIT_NOT_RUNNABLE) throw error;
      this.source = new IsomorphicSource(this.gitdir);
      return use(this.source);
    }
  }
  close() {
    this.source.close();
  }
};
var GIT_NOT_RUNNABLE = "GitNotRunnable";
function notFoundError(oid) {
  return Object.assign(new Error(`object ${oid} not found`), { code: "NotFoundError" });
}
var CatFileSource = class {
  constructor(gitdir) {
    this.gitdir = gitdir;
  }
  gitdir;
  child = null;
  pending = [];
  buffer = Buffer.alloc(0);
  /**
   * Requests not yet written: those made in one turn of the event loop go to git in one write
   * (a listing asks for dozens at once; one pipe write each cost more than the reads themselves).
   */
  unsent = "";
  async read(oid) {
    try {
      return await this.request(oid);
    } catch (error) {
      if (error.code !== "NotFoundError") throw error;
      this.close();
      return this.request(oid);
    }
  }
  async readPath(tree, path) {
    if (!/^[0-9a-f]{40}$/.test(tree) || /[\s]/.test(path)) return null;
    try {
      return await this.request(`${tree}:${path}`);
    } catch (error) {
      if (error.code === "NotFoundError") return null;
      throw error;
    }
  }
  close() {
    const child = this.child;
    this.child = null;
    this.buffer = Buffer.alloc(0);
    this.unsent = "";
    if (child) {
      child.stdin.end();
      child.kill();
    }
    const pending = this.pending;
    this.pending = [];
    for (const p of pending) p.reject(new Error("git cat-file was closed"));
  }
  /** `name`: an object id, or `<tree>:<path>` (readPath). */
  request(name) {
    if (!/^[0-9a-f]{40}(:.+)?$/.test(name)) return Promise.reject(notFoundError(name));
    const child = this.start();
    return new Promise((resolve2, reject) => {
      this.pending.push({ oid: name, resolve: resolve2, reject });
      child.ref();
      child.stdout.ref();
      if (this.unsent === "") setImmediate(() => this.send(child));
      this.unsent += `${name}
`;
    });
  }
  send(child) {
    if (this.child !== child) return;
    const text = this.unsent;
    this.unsent = "";
    if (text) child.stdin.write(text);
  }
  start() {
    if (this.child) return this.child;
    const child = spawn("git", ["cat-file", "--batch"], {
      env: { ...process.env, GIT_DIR: this.gitdir },
      stdio: ["pipe", "pipe", "pipe"]
    });
    this.child = child;
    child.stdout.on("data", (chunk) => {
      if (this.child !== child) return;
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => void (stderr = (stderr + chunk.toString()).slice(-2e3)));
    const fail = (why, code) => {
      if (this.child !== child) return;
      this.child = null;
      this.unsent = "";
      const pending = this.pending;
      this.pending = [];
      for (const p of pending)
        p.reject(
          Object.assign(new Error(`git cat-file --batch ${why}${stderr ? `: ${stderr.trim()}` : ""}`), {
            code
          })
        );
    };
    child.on(
      "error",
      (error) => fail(`could not run (${error.message})`, error.code === "ENOENT" ? GIT_NOT_RUNNABLE : void 0)
    );
    child.on("exit", (code) => fail(`exited with ${code}`));
    child.stdin.on("error", () => void 0);
    this.idle(child);
    return child;
  }
  idle(child) {
    child.unref();
    child.stdout.unref();
    child.stderr.unref();
  }
  /** Answers: `<oid> <type> <size>\n<content>\n` or `<oid> missing\n`. */
  drain() {
    for (; ; ) {
      const head = this.pending[0];
      if (!head) return;
      const newline = this.buffer.indexOf(10);
      if (newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString("utf8");
      const parts = header.split(" ");
      if (parts[1] === "missing" || parts[1] === "ambiguous") {
        this.buffer = this.buffer.subarray(newline + 1);
        this.pending.shift();
        head.reject(notFoundError(head.oid));
      } else {
        const size = Number(parts[2]);
        if (this.buffer.length < newline + 1 + size + 1) return;
        const data = Buffer.from(this.buffer.subarray(newline + 1, newline + 1 + size));
        this.buffer = this.buffer.subarray(newline + 1 + size + 1);
        this.pending.shift();
        head.resolve({ type: parts[1], data });
      }
      if (this.pending.length === 0 && this.child) this.idle(this.child);
    }
  }
};
var IsomorphicSource = class {
  constructor(gitdir) {
    this.gitdir = gitdir;
  }
  gitdir;
  cache = {};
  async read(oid) {
    try {
      return await this.readOnce(oid);
    } catch (error) {
      if (!isVanished(error)) throw error;
      this.cache = {};
      try {
        return await this.readOnce(oid);
      } catch (again) {
        if (isVanished(again)) throw notFoundError(oid);
        throw again;
      }
    }
  }
  async readPath(tree, path) {
    const git = await isomorphicGit();
    try {
      const { type, object } = await git.readObject({
        fs,
        gitdir: this.gitdir,
        oid: tree,
        filepath: path,
        format: "content",
        cache: this.cache
      });
      return { type, data: Buffer.from(object) };
    } catch {
      return null;
    }
  }
  close() {
    this.cache = {};
  }
  async readOnce(oid) {
    const git = await isomorphicGit();
    const { type, object } = await git.readObject({
      fs,
      gitdir: this.gitdir,
      oid,
      format: "content",
      cache: this.cache
    });
    return { type, data: Buffer.from(object) };
  }
};
function isVanished(error) {
  const code = error.code;
  return code === "NotFoundError" || code === "ENOENT" || /packfile|ENOENT/i.test(String(error));
}

// src/registry/git-reader.ts
var MAX_CACHED_TREES = 2e4;
var GitReader = class {
  /** `source`: which local reader (default `auto`), or a source of another kind (GitHub's API). */
  constructor(gitdir, source = "auto") {
    this.gitdir = gitdir;
    if (typeof source === "string") {
      const local = openObjectSource(gitdir, source);
      this.objects = local;
      this.paths = local;
    } else {
      this.objects = source;
      this.paths = null;
    }
  }
  gitdir;
  /** Handed to isomorphic-git where it is still called directly (ref and short-id lookups). */
  cache = {};
  objects;
  /** A local repository's reader resolves paths itself; GitHub's API is walked (or overridden). */
  paths;
  trees = /* @__PURE__ */ new Map();
  commits = /* @__PURE__ */ new Map();
  async readTyped(oid, type) {
    const object = await this.objects.read(oid, type);
    if (object.type !== type) {
      throw Object.assign(new Error(`object ${oid} is a ${object.type}, not a ${type}`), {
        code: "ObjectTypeError"
      });
    }
    return object.data;
  }
  async readCommit(oid) {
    const cached = this.commits.get(oid);
    if (cached) return cached;
    const info = parseCommit(oid, await this.readTyped(oid, "commit"));
    if (this.commits.size >= MAX_CACHED_TREES) this.commits.clear();
    this.commits.set(oid, info);
    return info;
  }
  async readTree(oid) {
    const cached = this.trees.get(oid);
    if (cached) return cached;
    const entries = parseTree(await this.readTyped(oid, "tree"));
    if (this.trees.size >= MAX_CACHED_TREES) this.trees.clear();
    this.trees.set(oid, entries);
    return entries;
  }
  /** The entry at `path` (slash-separated, relative to the root tree), or null. */
  async lookup(rootTree, path) {
    let entry = { mode: "040000", oid: rootTree, type: "tree" };
    for (const segment of splitPath(path)) {
      if (entry.type !== "tree") return null;
      const next = (this.trees.get(entry.oid) ?? await this.readTree(entry.oid)).get(segment);
      if (!next) return null;
      entry = next;
    }
    return entry;
  }
  /**
   * The bytes of the file at `path`, null when absent; a directory there is an 'integrity' error.
   * A reader over a remote API may answer this in one request instead of one per directory.
   * `byPath`: every directory on the path is small (layout 2's fan-out), so a local reader lets git
   * resolve it (`<tree>:<path>`). Git scans a tree's entries for each such request, so a path
   * through a directory of thousands (layout 1's versions) is walked here, where the parsed
   * directory is kept.
   */
  async readFile(rootTree, path, { byPath = false } = {}) {
    let direct = null;
    if (byPath && this.paths) {
      splitPath(path);
      direct = await this.paths.readPath(rootTree, path);
    }
    if (direct) {
      if (direct.type !== "blob")
        throw new RegistryError("integrity", `${path}: expected a file, found a ${direct.type}`);
      return direct.data;
    }
    const entry = await this.lookup(rootTree, path);
    if (!entry) return null;
    if (entry.type !== "blob")
      throw new RegistryError("integrity", `${path}: expected a file, found a ${entry.type}`);
    return this.readBlob(entry.oid);
  }
  async readBlob(oid) {
    return this.readTyped(oid, "blob");
  }
  /**
   * The parsed JSON at `path` in `rootTree`, or null when absent. A file that is not JSON (or is a
   * directory) is a corrupt registry: an 'integrity' error naming the file.
   */
  async readJson(rootTree, path, options = {}) {
    const bytes = await this.readFile(rootTree, path, options);
    if (bytes === null) return null;
    const text = Buffer.from(bytes).toString("utf8");
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new RegistryError("integrity", `${path}: not valid JSON (${error.message})`, {
        file: path
      });
    }
  }
};
function splitPath(path) {
  const segments = path.split("/");
  if (path === "" || segments.some((s) => s === "" || s === "." || s === ".." || s.includes("\0"))) {
    throw new RegistryError("invalid-input", `not a valid registry path: "${path}"`);
  }
  return segments;
}
function parseTree(data) {
  const entries = /* @__PURE__ */ new Map();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(32, at);
    const nul = data.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 21 > data.length) throw new Error("corrupt tree object");
    const mode = data.subarray(at, space).toString("latin1").padStart(6, "0");
    const name = data.subarray(space + 1, nul).toString("utf8");
    const oid = data.subarray(nul + 1, nul + 21).toString("hex");
    const type = mode === "040000" ? "tree" : mode === "160000" ? "commit" : "blob";
    entries.set(name, { mode, oid, type });
    at = nul + 21;
  }
  return entries;
}
function parseSignature(text) {
  const match = /^(.*) <(.*)> (\d+) ([+-])(\d\d)(\d\d)$/.exec(text);
  if (!match) return { name: text, email: "", timestamp: 0, timezoneOffset: 0 };
  const [, name, email, seconds, sign, hours, minutes] = match;
  const east = (Number(hours) * 60 + Number(minutes)) * (sign === "-" ? -1 : 1);
  return {
    name,
    email,
    timestamp: Number(seconds),
    timezoneOffset: -east || 0
  };
}
function parseCommit(oid, data) {
  const text = data.toString("utf8");
  const split = text.indexOf("\n\n");
  const headers = split < 0 ? text : text.slice(0, split);
  const info = {
    oid,
    tree: "",
    parents: [],
    message: split < 0 ? "" : text.slice(split + 2),
    author: parseSignature(""),
    committer: parseSignature("")
  };
  for (const line of headers.split("\n")) {
    if (line.startsWith(" ")) continue;
    const space = line.indexOf(" ");
    const key = line.slice(0, space);
    const value2 = line.slice(space + 1);
    if (key === "tree") info.tree = value2;
    else if (key === "parent") info.parents.push(value2);
    else if (key === "author") info.author = parseSignature(value2);
    else if (key === "committer") info.committer = parseSignature(value2);
  }
  if (!info.tree) throw notFoundError(oid);
  return info;
}

// src/registry/tree-writer.ts
var TREE_MODE = "040000";
var FILE_MODE = "100644";
function serialiseJson(value2) {
  const text = JSON.stringify(value2, null, 2);
  if (text === void 0) throw new RegistryError("invalid-input", "cannot serialise this value as JSON");
  return Buffer.from(`${text}
`);
}
async function buildTree(reader, baseTree, files) {
  const root = {
    entries: baseTree ? new Map(await reader.readTree(baseTree)) : /* @__PURE__ */ new Map(),
    open: /* @__PURE__ */ new Map()
  };
  for (const file of files) {
    const segments = splitPath(file.path);
    const leaf = segments.pop();
    const parent = await openDir(reader, root, segments, file);
    if (!parent) continue;
    const existing = parent.entries.get(leaf);
    if (file.content === null) {
      if (existing?.type === "tree" || parent.open.has(leaf)) throw pathConflict(file.path, "is a directory");
      parent.entries.delete(leaf);
      continue;
    }
    if (existing?.type === "tree" || parent.open.has(leaf)) throw pathConflict(file.path, "is a directory");
    const oid = await writeObject(reader.gitdir, "blob", serialiseJson(await documentValue(file.content)));
    parent.entries.set(leaf, { mode: FILE_MODE, oid, type: "blob" });
  }
  return await writeDir(reader.gitdir, root, true);
}
async function openDir(reader, root, segments, file) {
  let dir = root;
  for (const [i, name] of segments.entries()) {
    let child = dir.open.get(name);
    if (!child) {
      const entry = dir.entries.get(name);
      if (entry && entry.type !== "tree") {
        throw pathConflict(file.path, `goes through ${segments.slice(0, i + 1).join("/")}, which is a file`);
      }
      if (!entry && file.content === null) return null;
      child = { entries: entry ? new Map(await reader.readTree(entry.oid)) : /* @__PURE__ */ new Map(), open: /* @__PURE__ */ new Map() };
      dir.open.set(name, child);
    }
    dir = child;
  }
  return dir;
}
async function writeDir(gitdir, dir, isRoot) {
  for (const [name, child] of dir.open) {
    const oid = await writeDir(gitdir, child, false);
    if (oid === null) dir.entries.delete(name);
    else dir.entries.set(name, { mode: TREE_MODE, oid, type: "tree" });
  }
  if (dir.entries.size === 0 && !isRoot) return null;
  const items = [...dir.entries].map(([name, e]) => ({ name, mode: e.mode, oid: e.oid }));
  return writeObject(gitdir, "tree", encodeTree(items));
}
function pathConflict(path, why) {
  return new RegistryError("invalid-input", `cannot write ${path}: it ${why}`);
}

// src/registry/commit-writer.ts
async function resolveIdentity(gitdir, explicit, env = process.env) {
  if (explicit) return { author: explicit, committer: explicit, fallback: [] };
  return resolveCommitIdentity(gitdir, env);
}
async function writeChangeCommit(reader, parent, change, identity, when) {
  const message = formatCommitMessage(change);
  const tree = await buildTree(reader, parent?.tree ?? null, change.files);
  if (parent && tree === parent.tree) return null;
  const signature = signatureAt(identity.committer, when);
  const body = encodeCommit({
    tree,
    parents: parent ? [parent.commit] : [],
    author: signatureAt(identity.author, when),
    committer: signature,
    message
  });
  return { commit: await writeObject(reader.gitdir, "commit", body), tree, message, signature };
}

// src/registry/history.ts
import { readFile as readFile2 } from "node:fs/promises";
import { join as join3 } from "node:path";
async function readLog(reader, tip, options = {}) {
  const shallow = await readShallow(reader.gitdir);
  const untilSeconds = options.until ? Math.floor(options.until.getTime() / 1e3) : Infinity;
  const entries = [];
  const seen = /* @__PURE__ */ new Set([tip]);
  const pending = [await reader.readCommit(tip)];
  const excluded = /* @__PURE__ */ new Set();
  if (options.since === tip) return [];
  const since = options.since === void 0 ? null : await readIfPresent(reader, options.since);
  if (since) {
    excluded.add(since.oid);
    seen.add(since.oid);
    pending.push(since);
  }
  while (pending.some((c) => !excluded.has(c.oid))) {
    const commit = takeNewest(pending);
    const parents = [];
    if (!shallow.has(commit.oid)) {
      for (const oid of commit.parents) {
        const parent = await readIfPresent(reader, oid);
        if (parent) parents.push(parent);
      }
    }
    if (excluded.has(commit.oid)) {
      for (const parent of parents) {
        excluded.add(parent.oid);
        if (!seen.has(parent.oid)) {
          seen.add(parent.oid);
          pending.push(parent);
        }
      }
      continue;
    }
    const touched = await touches(reader, commit, parents, options.path);
    if (commit.committer.timestamp <= untilSeconds && touched !== "no") {
      entries.push(toEntry(commit));
      if (options.limit !== void 0 && entries.length >= options.limit) break;
    }
    if (touched === "created" && options.sinceCreation) continue;
    for (const parent of parents) {
      if (!seen.has(parent.oid)) {
        seen.add(parent.oid);
        pending.push(parent);
      }
    }
  }
  return entries;
}
function takeNewest(pending) {
  let best = pending[0];
  let at = 0;
  for (let i = 1; i < pending.length; i++) {
    const candidate = pending[i];
    const newer = candidate.committer.timestamp > best.committer.timestamp;
    const childOfBest = candidate.committer.timestamp === best.committer.timestamp && candidate.parents.includes(best.oid);
    if (newer || childOfBest) {
      best = candidate;
      at = i;
    }
  }
  pending.splice(at, 1);
  return best;
}
async function touches(reader, commit, parents, path) {
  if (path === void 0) return "changed";
  const here = (await reader.lookup(commit.tree, path))?.oid ?? null;
  if (parents.length === 0) return here === null ? "no" : "created";
  let presentBefore = false;
  for (const parent of parents) {
    const there = (await reader.lookup(parent.tree, path))?.oid ?? null;
    if (there === here) return "no";
    if (there !== null) presentBefore = true;
  }
  return here !== null && !presentBefore ? "created" : "changed";
}
function toEntry(commit) {
  const { subject, body, trailers } = parseCommitMessage(commit.message);
  return {
    commit: commit.oid,
    subject,
    body,
    trailers,
    parents: [...commit.parents],
    author: {
      name: commit.author.name,
      email: commit.author.email,
      timestamp: new Date(commit.author.timestamp * 1e3).toISOString()
    }
  };
}
async function readIfPresent(reader, oid) {
  try {
    return await reader.readCommit(oid);
  } catch (error) {
    if (error.code === "NotFoundError") return null;
    throw error;
  }
}
async function readShallow(gitdir) {
  try {
    const text = await readFile2(join3(gitdir, "shallow"), "utf8");
    return new Set(
      text.split("\n").map((l) => l.trim()).filter(Boolean)
    );
  } catch {
    return /* @__PURE__ */ new Set();
  }
}

// src/registry/common.ts
import fs2 from "node:fs";
var DEFAULT_BRANCH = "model-registry";
var INIT_SUBJECT = "init model registry";
var MAX_BRANCH_CHARS = 1e3;
function checkBranchName(branch) {
  if (branch.length > MAX_BRANCH_CHARS || branch.split("/").some((part) => Buffer.byteLength(part) > 200)) {
    throw new RegistryError(
      "invalid-input",
      `branch name is too long (${branch.length} characters; at most ${MAX_BRANCH_CHARS}, 200 bytes per part between slashes)`
    );
  }
  const bad = !/^[A-Za-z0-9._/-]+$/.test(branch) || branch.startsWith("/") || branch.endsWith("/") || branch.endsWith(".") || branch.includes("..") || branch.includes("//") || branch.split("/").some((part) => part.startsWith(".") || part.endsWith(".lock") || part.startsWith("-"));
  if (bad) throw new RegistryError("invalid-input", `not a valid branch name: "${branch}"`);
  return branch;
}
async function openCommit(reader, commit) {
  const id = commit.trim().toLowerCase();
  if (!/^[0-9a-f]{4,40}$/.test(id)) throw new RegistryError("invalid-input", `not a commit id: "${commit}"`);
  try {
    const oid = id.length === 40 ? id : await (await isomorphicGit()).expandOid({ fs: fs2, gitdir: reader.gitdir, oid: id, cache: reader.cache });
    await reader.readCommit(oid);
    return oid;
  } catch (error) {
    const code = error.code;
    if (code === "NotFoundError")
      throw new RegistryError("not-found", `no commit ${commit} in the registry repository`);
    if (code === "AmbiguousError")
      throw new RegistryError("invalid-input", `commit id ${commit} is ambiguous; give more digits`);
    if (code === "ObjectTypeError") throw new RegistryError("invalid-input", `${commit} is not a commit`);
    throw error;
  }
}
async function readJsonAtCommit(reader, commit, path) {
  const { tree } = await reader.readCommit(await openCommit(reader, commit));
  return reader.readJson(tree, path);
}
var HEX = /^[0-9a-f]{4,40}$/i;
async function resolveCommitName(reader, ref) {
  if (HEX.test(ref)) {
    try {
      return await openCommit(reader, ref);
    } catch (error) {
      if (!(error instanceof RegistryError) || error.kind !== "not-found") throw error;
    }
  }
  const git = await isomorphicGit();
  let oid;
  try {
    oid = await git.resolveRef({ fs: fs2, gitdir: reader.gitdir, ref });
  } catch {
    throw new RegistryError("not-found", `no commit, branch or tag "${ref}" in the registry repository`);
  }
  for (let depth = 0; depth < 8; depth++) {
    let read;
    try {
      read = await git.readObject({ fs: fs2, gitdir: reader.gitdir, oid, cache: reader.cache });
    } catch (error) {
      if (error.code === "NotFoundError")
        throw new RegistryError("not-found", `no commit, branch or tag "${ref}" in the registry repository`);
      throw error;
    }
    if (read.type !== "tag") break;
    oid = read.object.object;
  }
  return openCommit(reader, oid);
}
function checkProposalBranch(branch, registryBranch) {
  checkBranchName(branch);
  if (branch === registryBranch || branch === `refs/heads/${registryBranch}`) {
    throw new RegistryError(
      "invalid-input",
      `a proposal cannot be made on the registry branch "${registryBranch}" itself; name another branch`
    );
  }
  return branch;
}

// src/registry/snapshot.ts
var POLICY_PATH = "registry.json";
var MODELS_DIR = "models";
var INDEX_FILE = "index.json";
var DAYS_KEPT = 16;
var NAME = /^[a-z0-9][a-z0-9_.-]{0,62}$/;
var GitSnapshot = class _GitSnapshot {
  constructor(reader, commit, tree, policyOrError, layout) {
    this.reader = reader;
    this.commit = commit;
    this.tree = tree;
    this.policyOrError = policyOrError;
    this.layout = layout;
  }
  reader;
  commit;
  tree;
  policyOrError;
  layout;
  catalog;
  /**
   * A commit never changes: a day read once (register reads its day up to three times) is kept,
   * the last DAYS_KEPT of them, so that a listing of every day holds a bounded number of rows.
   */
  days = /* @__PURE__ */ new Map();
  /**
   * registry.json is read here but a bad one only fails when `policy` is read, so that a change
   * that repairs it (or a doctor that reports it) can still work from this snapshot.
   */
  static async open(reader, commit) {
    const { tree } = await reader.readCommit(commit);
    let policy;
    try {
      const doc = await reader.readJson(tree, POLICY_PATH);
      if (doc === null) {
        throw new RegistryError("integrity", `${POLICY_PATH}: missing on the registry branch at ${commit}`, {
          file: POLICY_PATH
        });
      }
      policy = checkPolicyConsistency(validatePolicy(doc, POLICY_PATH, "integrity"), POLICY_PATH);
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      policy = error;
    }
    const layout = await reader.lookup(tree, CATALOG_PATH) ? 2 : 1;
    return new _GitSnapshot(reader, commit, tree, policy, layout);
  }
  get policy() {
    if (this.policyOrError instanceof RegistryError) throw this.policyOrError;
    return this.policyOrError;
  }
  async modelNames() {
    const models = await this.reader.lookup(this.tree, MODELS_DIR);
    if (!models || models.type !== "tree") return [];
    const names = [];
    for (const [name, entry] of await this.reader.readTree(models.oid)) {
      if (entry.type === "tree") names.push(name);
    }
    return names.sort();
  }
  /** Layout 1: index.json. Layout 2: every version file (costs the model's size; prefer heads and rows). */
  async readIndex(name) {
    if (this.layout === 2) {
      const versions = [];
      for (const version of await this.versionFileNames(name)) {
        const doc2 = await this.readVersion(name, version);
        if (doc2) versions.push(doc2);
      }
      return versions.length === 0 ? null : deriveIndex(name, versions);
    }
    const path = `${MODELS_DIR}/${checkName(name)}/${INDEX_FILE}`;
    const doc = await this.reader.readJson(this.tree, path);
    return doc === null ? null : validateModelIndex(doc, path, "integrity");
  }
  async readVersion(name, version) {
    checkVersion(version);
    const path = this.layout === 2 ? versionFilePath(checkName(name), version) : `${MODELS_DIR}/${checkName(name)}/${version}.json`;
    const doc = await this.reader.readJson(this.tree, path, { byPath: this.layout === 2 });
    return doc === null ? null : validateModelVersion(doc, path, "integrity");
  }
  readCatalog() {
    this.catalog ??= (async () => {
      this.requireLayout2();
      return validateCatalog(await this.reader.readJson(this.tree, CATALOG_PATH), CATALOG_PATH);
    })();
    return this.catalog;
  }
  async readHead(name) {
    this.requireLayout2();
    const path = headPath(checkName(name));
    const doc = await this.reader.readJson(this.tree, path);
    return doc === null ? null : validateModelHead(doc, path);
  }
  async rowDays(name) {
    this.requireLayout2();
    const days = [];
    const dir = rowsDir(checkName(name));
    for (const year of await this.subdirs(dir)) {
      for (const month of await this.subdirs(`${dir}/${year}`)) {
        const entries = await this.entries(`${dir}/${year}/${month}`);
        const names = new Set([...entries.keys()].map((n) => n.replace(/\.json$/, "")));
        for (const day of names) days.push(`${year}/${month}/${day}`);
      }
    }
    return days.sort().reverse();
  }
  readDay(name, day) {
    const key = `${name}\0${day}`;
    let read = this.days.get(key);
    if (read) {
      this.days.delete(key);
      this.days.set(key, read);
      return read;
    }
    read = this.readDayOnce(name, day);
    this.days.set(key, read);
    read.catch(() => this.days.delete(key));
    if (this.days.size > DAYS_KEPT) this.days.delete(this.days.keys().next().value);
    return read;
  }
  async readDayOnce(name, day) {
    this.requireLayout2();
    if (!/^[0-9]{4}\/[0-9]{2}\/[0-9]{2}$/.test(day))
      throw new RegistryError("invalid-input", `not a day: "${day}"`);
    const base = `${rowsDir(checkName(name))}/${day}`;
    const paths = [];
    const collect = async (prefix) => {
      const entry = await this.reader.lookup(this.tree, prefix);
      if (!entry || entry.type !== "tree") return;
      for (const [child, e] of [...await this.reader.readTree(entry.oid)].sort(
        ([a], [b]) => a < b ? -1 : 1
      )) {
        if (e.type === "tree") await collect(`${prefix}/${child}`);
        else if (child.endsWith(".json")) paths.push(`${prefix}/${child}`);
      }
    };
    if (await this.reader.lookup(this.tree, `${base}.json`)) paths.push(`${base}.json`);
    await collect(base);
    const rows = [];
    for (const path of paths) {
      rows.push(...validateRowShard(await this.reader.readJson(this.tree, path), path).rows);
    }
    return { paths, rows };
  }
  async objectId(path) {
    return (await this.reader.lookup(this.tree, path))?.oid ?? null;
  }
  async rootNames() {
    return [...(await this.reader.readTree(this.tree)).keys()].sort();
  }
  async readJson(path) {
    return this.reader.readJson(this.tree, path);
  }
  async directoryEntries(path) {
    const found = /* @__PURE__ */ new Map();
    for (const [name, entry] of await this.entries(path)) {
      if (entry.type === "tree" || entry.type === "blob")
        found.set(name, { oid: entry.oid, type: entry.type });
    }
    return found;
  }
  async versionFileNames(name) {
    const dir = `${MODELS_DIR}/${checkName(name)}`;
    const versions = [];
    const files = async (path) => {
      for (const [file, entry] of await this.entries(path)) {
        if (entry.type === "blob" && file.endsWith(".json") && file !== INDEX_FILE) {
          versions.push(file.slice(0, -".json".length));
        }
      }
    };
    if (this.layout === 1) await files(dir);
    else {
      for (const a of await this.subdirs(`${dir}/versions`)) {
        for (const b of await this.subdirs(`${dir}/versions/${a}`)) {
          for (const c of await this.subdirs(`${dir}/versions/${a}/${b}`))
            await files(`${dir}/versions/${a}/${b}/${c}`);
        }
      }
    }
    return versions.sort();
  }
  async entries(path) {
    const dir = await this.reader.lookup(this.tree, path);
    return dir && dir.type === "tree" ? this.reader.readTree(dir.oid) : /* @__PURE__ */ new Map();
  }
  async subdirs(path) {
    return [...await this.entries(path)].filter(([, e]) => e.type === "tree").map(([n]) => n).sort();
  }
  requireLayout2() {
    if (this.layout !== 2) throw needsMigrate();
  }
};
function needsMigrate() {
  return new RegistryError(
    "refused",
    "this registry branch is in layout 1 (models/<name>/index.json); run 'mreg migrate' to upgrade it to layout 2"
  );
}
function checkName(name) {
  if (!NAME.test(name)) throw new RegistryError("invalid-input", `not a valid model name: "${name}"`);
  return name;
}
function checkVersion(version) {
  if (version === "" || version === "." || version === ".." || /[/\\\0]/.test(version)) {
    throw new RegistryError("invalid-input", `not a valid version: "${version}"`);
  }
  return version;
}

// src/registry/retry.ts
var DEFAULT_MAX_ATTEMPTS = 50;
var BASE_MS = 10;
var CAP_MS = 500;
function backoffDelay(attempt, random = Math.random) {
  const base = Math.min(CAP_MS, BASE_MS * 2 ** Math.min(attempt - 1, 16));
  return Math.round(base * (0.5 + random()));
}
var sleep = (ms) => new Promise((resolve2) => setTimeout(resolve2, ms));

// src/registry/optimistic-writer.ts
var OptimisticWriter = class {
  constructor(endpoint, reader, branch, options) {
    this.endpoint = endpoint;
    this.reader = reader;
    this.branch = branch;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    this.now = options.now ?? (() => /* @__PURE__ */ new Date());
    this.explicitAuthor = options.author;
    this.identityProvider = options.identity;
  }
  endpoint;
  reader;
  branch;
  maxAttempts;
  now;
  explicitAuthor;
  identityProvider;
  identity;
  async requireTip() {
    const tip = await this.endpoint.readTip();
    if (tip) return tip;
    throw this.endpoint.notInitialised();
  }
  /** Creates the registry branch holding `policy` unless it exists; the caller has validated the policy. */
  async init(policy) {
    const change = {
      subject: INIT_SUBJECT,
      files: [
        { path: POLICY_PATH, content: policy },
        { path: CATALOG_PATH, content: EMPTY_CATALOG }
      ]
    };
    for (let attempt = 1; ; attempt++) {
      const tip = await this.endpoint.readTip();
      if (tip) return { created: false, commit: tip };
      const written = await this.endpoint.writeCommit(
        null,
        change,
        await this.author(),
        this.now()
      );
      if (await this.endpoint.swapTip(null, written, attempt)) {
        return { created: true, commit: written.commit };
      }
      await this.afterLostRace(attempt);
    }
  }
  async update(build) {
    for (let attempt = 1; ; attempt++) {
      const { tip, result, written } = await this.buildOnTip(build);
      if (!written) return { commit: tip, changed: false, result, attempts: attempt };
      if (await this.endpoint.swapTip(tip, written, attempt)) {
        return { commit: written.commit, changed: true, result, attempts: attempt };
      }
      await this.afterLostRace(attempt);
    }
  }
  /** Builds the change on the registry tip and points the proposal branch at it; the registry branch never moves. */
  async propose(build, branch) {
    checkProposalBranch(branch, this.branch);
    let built = await this.buildOnTip(build);
    for (let attempt = 1; ; attempt++) {
      const { tip, result, written } = built;
      if (!written) return { commit: tip, base: tip, result, changed: false };
      if (await this.endpoint.swapProposal(written, branch)) {
        return { commit: written.commit, base: tip, result, changed: true };
      }
      await this.afterLostRace(attempt, branch);
      if (this.endpoint.rebuildLostProposals) built = await this.buildOnTip(build);
    }
  }
  async buildOnTip(build) {
    const tip = await this.requireTip();
    const snapshot = await GitSnapshot.open(this.reader, tip);
    const { change, result } = await build(snapshot);
    if (!change) return { tip, result, written: null };
    const parent = { commit: tip, tree: snapshot.tree };
    const written = await this.endpoint.writeCommit(parent, change, await this.author(), this.now());
    return { tip, result, written };
  }
  author() {
    this.identity ??= this.explicitAuthor === void 0 && this.identityProvider ? this.identityProvider() : resolveIdentity(this.reader.gitdir, this.explicitAuthor);
    return this.identity;
  }
  async afterLostRace(attempt, branch = this.branch) {
    if (attempt >= this.maxAttempts) throw this.endpoint.keptChanging(branch, attempt);
    await sleep(backoffDelay(attempt));
  }
};

// src/registry/ref-lock.ts
import { appendFile, mkdir as mkdir2, open, readFile as readFile3, rename as rename2, stat as stat2, unlink as unlink2 } from "node:fs/promises";
import { dirname as dirname2, join as join4 } from "node:path";
var ZERO_OID = "0".repeat(40);
var OID = /^[0-9a-f]{40}$/;
var STALE_LOCK_MS = 10 * 60 * 1e3;
async function readRef(gitdir, ref) {
  const loosePath = join4(gitdir, ref);
  const loose = await readOptional(loosePath);
  if (loose !== null) return checkedRefValue(loose.trim(), loosePath, ref);
  const packedPath = join4(gitdir, "packed-refs");
  const packed = await readOptional(packedPath);
  if (packed === null) return null;
  for (const line of packed.split("\n")) {
    if (line.startsWith("#") || line.startsWith("^")) continue;
    const space = line.indexOf(" ");
    if (space > 0 && line.slice(space + 1).trim() === ref) {
      return checkedRefValue(line.slice(0, space), packedPath, ref);
    }
  }
  return null;
}
function checkedRefValue(value2, file, ref) {
  if (OID.test(value2)) return value2;
  const shown = value2.length > 60 ? `${value2.slice(0, 60)}\u2026` : value2;
  const what = value2.startsWith("ref:") ? `is a symbolic ref (${shown}), not a branch` : value2 === "" ? "is empty" : `holds "${shown}", not a commit id`;
  throw new RegistryError(
    "integrity",
    `${ref} in ${file} ${what}; point it at the right commit (see 'git reflog ${ref.replace(/^refs\/heads\//, "")}') or delete it`,
    { ref, file }
  );
}
async function compareAndSwapRef(gitdir, ref, expected, next, options = {}) {
  if (!OID.test(next)) throw new Error(`not an object id: "${next}"`);
  if (!/^refs\/[^\s~^:?*[\\]+$/.test(ref) || ref.split("/").some((s) => s === "" || s === "." || s === "..")) {
    throw new Error(`not a valid ref name: "${ref}"`);
  }
  const refPath = join4(gitdir, ref);
  const lockPath = `${refPath}.lock`;
  let handle;
  try {
    await mkdir2(dirname2(refPath), { recursive: true });
    handle = await open(lockPath, "wx", 420);
  } catch (error) {
    if (error.code !== "EEXIST") {
      throw fileSystemError(error, "lock the branch (create a lock file) at", lockPath);
    }
    const age = await lockAge(lockPath);
    return {
      swapped: false,
      reason: "locked",
      lockPath,
      lockAgeMs: age,
      stale: age >= (options.staleAfterMs ?? STALE_LOCK_MS)
    };
  }
  let renamed = false;
  try {
    const current = await readRef(gitdir, ref);
    if (current !== expected) {
      await handle.close();
      return { swapped: false, reason: "mismatch", current };
    }
    try {
      await handle.writeFile(`${next}
`);
      await handle.sync();
      await handle.close();
      if (options.reflog) await appendReflog(gitdir, ref, current, next, options.reflog);
      await rename2(lockPath, refPath);
    } catch (error) {
      throw fileSystemError(error, "move the branch", refPath);
    }
    renamed = true;
    return { swapped: true, current: next };
  } finally {
    if (!renamed) {
      await handle.close().catch(() => void 0);
      await unlink2(lockPath).catch(() => void 0);
    }
  }
}
async function appendReflog(gitdir, ref, previous, next, entry) {
  const path = join4(gitdir, "logs", ref);
  const message = entry.message.split("\n")[0] ?? "";
  const line = `${previous ?? ZERO_OID} ${next} ${formatSignature(entry.who)}	${message}
`;
  try {
    await mkdir2(dirname2(path), { recursive: true });
    await appendFile(path, line);
  } catch {
  }
}
async function lockAge(path) {
  try {
    return Math.max(0, Date.now() - (await stat2(path)).mtimeMs);
  } catch {
    return 0;
  }
}
async function readOptional(path) {
  try {
    return await readFile3(path, "utf8");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw fileSystemError(error, "read", path);
  }
}

export {
  proxyFromEnv,
  hasProxy,
  proxyFor,
  hashObject,
  encodeTree,
  signatureAt,
  FALLBACK_IDENTITY,
  parseGitConfig,
  isomorphicGit,
  notFoundError,
  GitReader,
  splitPath,
  serialiseJson,
  resolveIdentity,
  writeChangeCommit,
  readLog,
  DEFAULT_BRANCH,
  checkBranchName,
  openCommit,
  readJsonAtCommit,
  resolveCommitName,
  sleep,
  POLICY_PATH,
  GitSnapshot,
  OptimisticWriter,
  readRef,
  compareAndSwapRef
};
