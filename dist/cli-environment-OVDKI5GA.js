import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  DEFAULT_BRANCH,
  FALLBACK_IDENTITY,
  GitReader,
  GitSnapshot,
  OptimisticWriter,
  POLICY_PATH,
  checkBranchName,
  compareAndSwapRef,
  isomorphicGit,
  openCommit,
  parseGitConfig,
  proxyFromEnv,
  readJsonAtCommit,
  readLog,
  readRef,
  resolveCommitName,
  resolveIdentity,
  sleep,
  writeChangeCommit
} from "./cli-chunk-EFI2TBZG.js";
import "./cli-chunk-KBO4IHSY.js";
import "./cli-chunk-4O472LWZ.js";
import {
  CHUNK_BYTES,
  SHA256_HEX,
  copyWithHash,
  digestStream,
  errorCode,
  fileSystemError,
  moveIntoPlace,
  openModelFile,
  removeQuietly,
  specialFileKind,
  syncDirectory,
  tempPathBeside,
  verifyEachFile,
  writeFileAtomic
} from "./cli-chunk-JEUBDBLZ.js";
import "./cli-chunk-MB6ER4TW.js";
import {
  validatePolicy
} from "./cli-chunk-B6Z2EQO6.js";
import {
  formatBytes
} from "./cli-chunk-TZFTDHNG.js";
import {
  stderrLine
} from "./cli-chunk-NMVSHCH7.js";
import "./cli-chunk-QINJBCE2.js";
import "./cli-chunk-TPXH7SUW.js";
import "./cli-chunk-NRZ3EPD3.js";
import {
  RegistryError,
  integrityError,
  invalidInput,
  notFound
} from "./cli-chunk-VHUSGLFD.js";
import "./cli-chunk-WXNRKKY2.js";

// src/cli/environment.ts
import { homedir, userInfo } from "node:os";
import { join as join11 } from "node:path";

// src/wiring/open-registry.ts
import { join as join10, resolve as resolvePath } from "node:path";

// src/registry/local-backend.ts
import { stat } from "node:fs/promises";
import { join as join2, resolve } from "node:path";

// src/registry/checked-out.ts
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
async function worktreeHolding(gitdir, ref, mainWorktree) {
  if (mainWorktree !== null && await headNames(join(gitdir, "HEAD"), ref)) return mainWorktree;
  let linked;
  try {
    linked = await readdir(join(gitdir, "worktrees"));
  } catch {
    return null;
  }
  for (const id of linked) {
    const admin = join(gitdir, "worktrees", id);
    if (!await headNames(join(admin, "HEAD"), ref)) continue;
    const pointer = await readText(join(admin, "gitdir"));
    return pointer ? dirname(pointer.trim()) : admin;
  }
  return null;
}
async function headNames(headFile, ref) {
  const head = await readText(headFile);
  return head !== null && head.trim() === `ref: ${ref}`;
}
async function readText(path) {
  try {
    return await readFile(path, "utf8");
  } catch {
    return null;
  }
}

// src/registry/local-backend.ts
var LOCK_PATIENCE_MS = 5e3;
var LOCK_POLL_MS = 25;
var LocalRegistryBackend = class {
  description;
  dir;
  gitdir;
  branch;
  ref;
  reader;
  writer;
  constructor(options) {
    this.dir = resolve(options.dir);
    this.gitdir = resolve(options.gitdir);
    this.branch = checkBranchName(options.branch ?? DEFAULT_BRANCH);
    this.ref = `refs/heads/${this.branch}`;
    this.reader = new GitReader(this.gitdir, options.objects);
    this.description = `${this.dir} (branch ${this.branch})`;
    this.writer = new OptimisticWriter(
      {
        readTip: () => this.tip(),
        writeCommit: (parent, change, identity, when) => writeChangeCommit(this.reader, parent, change, identity, when),
        swapTip: (expected, written) => this.swap(this.ref, expected, written),
        swapProposal: async (written, branch) => {
          const target = `refs/heads/${branch}`;
          return this.swap(target, await readRef(this.gitdir, target), written);
        },
        // The race was over the proposal ref, not the registry branch: the commit built is still valid.
        rebuildLostProposals: false,
        notInitialised: () => new RegistryError(
          "not-initialised",
          (w) => `no registry branch "${this.branch}" in ${this.dir}; ${w.command("init")} creates it`,
          { field: "registry-branch", value: this.branch, reason: "absent" }
        ),
        keptChanging: (branch, attempts) => new RegistryError(
          "conflict",
          `could not update branch ${branch} in ${this.dir}: it kept changing under us for ${attempts} attempts; retry later`,
          { attempts }
        )
      },
      this.reader,
      this.branch,
      options
    );
  }
  /** The branch tip, or null when the registry has not been initialised. */
  async tip() {
    const tip = await readRef(this.gitdir, this.ref);
    if (tip) await this.checkTip(tip);
    return tip;
  }
  /**
   * The branch must name a commit whose tree is there: a ref pointed at a blob, or at objects a
   * careless prune or copy lost, is a damaged registry (exit 3) with what to do, never a bug.
   */
  async checkTip(tip) {
    try {
      await this.reader.readTree((await this.reader.readCommit(tip)).tree);
    } catch (error) {
      if (error instanceof RegistryError) throw error;
      const code = error.code;
      if (code !== "ObjectTypeError" && code !== "NotFoundError") throw error;
      const what = code === "ObjectTypeError" ? `which is not a commit (${error.message})` : `whose objects are missing (${error.message})`;
      throw new RegistryError(
        "integrity",
        `branch ${this.branch} in ${this.dir} points at ${tip}, ${what}; point it at a good commit (see 'git reflog ${this.branch}') and run 'git fsck'`,
        { ref: this.ref, commit: tip }
      );
    }
  }
  async init(policy) {
    validatePolicy(policy, POLICY_PATH, "invalid-input");
    await this.requireRepository();
    return this.writer.init(policy);
  }
  async snapshot() {
    return GitSnapshot.open(this.reader, await this.writer.requireTip());
  }
  async snapshotAt(commit) {
    return GitSnapshot.open(this.reader, await openCommit(this.reader, commit));
  }
  async update(build) {
    return this.writer.update(build);
  }
  async log(options = {}) {
    const tip = await this.writer.requireTip();
    return readLog(this.reader, tip, options);
  }
  /**
   * The proposal is built once on the current tip; the proposal branch is then moved under the
   * same lock protocol as the registry branch. Whatever it held (an earlier proposal) is replaced:
   * a proposal is rebuilt from the registry, never merged with an older one.
   */
  async propose(build, branch) {
    return this.writer.propose(build, branch);
  }
  async fetchCommit(ref) {
    return resolveCommitName(this.reader, ref);
  }
  async parents(commit) {
    return (await this.reader.readCommit(await openCommit(this.reader, commit))).parents;
  }
  async readJsonAt(commit, path) {
    return readJsonAtCommit(this.reader, commit, path);
  }
  /**
   * A lock held by someone else is a lost race to retry, unless it has been there so long that
   * its owner has probably died: retrying cannot help then, only a person can.
   */
  async swap(ref, expected, written) {
    const worktree = await worktreeHolding(this.gitdir, ref, this.dir !== this.gitdir ? this.dir : null);
    if (worktree !== null) {
      const branch = ref.replace(/^refs\/heads\//, "");
      throw new RegistryError(
        "refused",
        `branch ${branch} is checked out in the working tree ${worktree}; mreg will not move it under that tree (as 'git branch -f' will not): switch it to another branch there ('git -C ${worktree} switch --detach') and retry`,
        { branch, worktree }
      );
    }
    const reflog = this.dir !== this.gitdir ? { who: written.signature, message: `mreg: ${written.message}` } : void 0;
    const giveUpAt = Date.now() + LOCK_PATIENCE_MS;
    for (; ; ) {
      const swap = await compareAndSwapRef(this.gitdir, ref, expected, written.commit, { reflog });
      if (swap.swapped || swap.reason !== "locked") return swap.swapped;
      if (swap.stale || Date.now() >= giveUpAt) {
        const age = swap.lockAgeMs >= 12e4 ? `${Math.round(swap.lockAgeMs / 6e4)} min` : `${Math.round(swap.lockAgeMs / 1e3)} s`;
        throw new RegistryError(
          "conflict",
          `${swap.lockPath} has existed for ${age}: a git or mreg process is updating the branch, or one was killed while it did; if none is running, delete that file and retry`,
          { lock: swap.lockPath }
        );
      }
      await sleep(LOCK_POLL_MS);
    }
  }
  async requireRepository() {
    try {
      if ((await stat(join2(this.gitdir, "objects"))).isDirectory()) return;
    } catch {
    }
    throw new RegistryError(
      "not-found",
      `${this.dir} is not a Git repository (no ${join2(this.gitdir, "objects")})`
    );
  }
};

// src/registry/provenance.ts
import fs from "node:fs";
import { readFile as readFile2 } from "node:fs/promises";
import { join as join3 } from "node:path";
async function localProvenance(location) {
  const provenance = { repository: await originUrl(location.gitdir) ?? location.dir };
  const bare = location.dir === location.gitdir;
  const dotGit = bare ? location.gitdir : join3(location.dir, ".git");
  const git = await isomorphicGit();
  let commit;
  try {
    commit = await git.resolveRef({ fs, dir: bare ? void 0 : location.dir, gitdir: dotGit, ref: "HEAD" });
  } catch {
    return provenance;
  }
  provenance.commit = commit;
  if (bare) return provenance;
  try {
    const rows = await git.statusMatrix({ fs, dir: location.dir, gitdir: dotGit, refresh: false });
    provenance.dirty = rows.some(([, head, workdir, stage]) => {
      const untracked = head === 0 && stage === 0;
      return !untracked && !(head === 1 && workdir === 1 && stage === 1);
    });
  } catch {
  }
  return provenance;
}
async function originUrl(gitdir) {
  let text;
  try {
    text = await readFile2(join3(gitdir, "config"), "utf8");
  } catch {
    return void 0;
  }
  const url = parseGitConfig(text).filter(([key]) => key === "remote.origin.url").at(-1)?.[1];
  return url === void 0 ? void 0 : withoutCredentials(url);
}
function withoutCredentials(url) {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1");
}

// src/registry/repository.ts
import fs2 from "node:fs";
import { mkdir, readFile as readFile3, stat as stat2 } from "node:fs/promises";
import { dirname as dirname2, isAbsolute, join as join4, resolve as resolve2 } from "node:path";
async function findRepository(startDir) {
  const start = resolve2(startDir);
  let current = start;
  for (; ; ) {
    const found = await repositoryAt(current);
    if (found) return found;
    const parent = dirname2(current);
    if (parent === current) break;
    current = parent;
  }
  throw new RegistryError(
    "not-found",
    (w) => `no Git repository at or above ${start}; run 'git init' there, or ${w.command("init")} creates one`
  );
}
async function repositoryAt(dir) {
  const dotGit = join4(dir, ".git");
  const info = await statOrNull(dotGit);
  if (info?.isDirectory() && await looksLikeGitdir(dotGit)) return { dir, gitdir: dotGit };
  if (info?.isFile()) {
    const text = await readFile3(dotGit, "utf8");
    const match = /^gitdir:\s*(.+?)\s*$/m.exec(text);
    if (!match?.[1]) throw new RegistryError("integrity", `${dotGit} is a file without a "gitdir:" line`);
    const gitdir = isAbsolute(match[1]) ? match[1] : resolve2(dir, match[1]);
    return { dir, gitdir: await commonDir(gitdir) };
  }
  if (await looksLikeGitdir(dir)) return { dir, gitdir: dir };
  return null;
}
async function commonDir(gitdir) {
  try {
    const pointer = (await readFile3(join4(gitdir, "commondir"), "utf8")).trim();
    return isAbsolute(pointer) ? pointer : resolve2(gitdir, pointer);
  } catch {
    return gitdir;
  }
}
async function looksLikeGitdir(dir) {
  const [head, objects, refs] = await Promise.all(
    ["HEAD", "objects", "refs"].map((name) => statOrNull(join4(dir, name)))
  );
  return Boolean(head?.isFile() && objects?.isDirectory() && refs?.isDirectory());
}
async function statOrNull(path) {
  try {
    return await stat2(path);
  } catch {
    return null;
  }
}
async function openOrCreateRepository(dir, options = {}) {
  const target = resolve2(dir);
  try {
    return { ...await findRepository(target), created: false };
  } catch (error) {
    if (!(error instanceof RegistryError) || error.kind !== "not-found") throw error;
  }
  try {
    await mkdir(target, { recursive: true });
    const git = await isomorphicGit();
    await git.init({ fs: fs2, dir: target, bare: options.bare ?? false, defaultBranch: "main" });
  } catch (error) {
    throw new RegistryError(
      "unavailable",
      `cannot create a Git repository in ${target}: ${error.message}`
    );
  }
  return { dir: target, gitdir: options.bare ? target : join4(target, ".git"), created: true };
}

// src/stores/local/local-store.ts
import { basename as basename2, resolve as resolve4 } from "node:path";

// src/stores/local/object-fetch.ts
import { constants } from "node:fs";
import { lstat as lstat2, open, rmdir, stat as stat4 } from "node:fs/promises";
import { basename, dirname as dirname3, isAbsolute as isAbsolute2, join as join6, relative, resolve as resolve3, sep } from "node:path";

// src/stores/local/file-io.ts
import { mkdir as mkdir2, readdir as readdir2 } from "node:fs/promises";
async function ensureDirectory(directory) {
  try {
    return await mkdir2(directory, { recursive: true });
  } catch (error) {
    throw fileSystemError(error, "create directory", directory);
  }
}
async function listNames(directory) {
  try {
    return (await readdir2(directory)).sort();
  } catch (error) {
    if (errorCode(error) === "ENOENT") return [];
    throw fileSystemError(error, "list", directory);
  }
}
async function* readingAs(source, path, artifact) {
  try {
    yield* source;
  } catch (error) {
    if (error instanceof RegistryError) throw error;
    throw artifact ? fileSystemError(error, `read the stored object of ${artifact.file_name} at`, path) : fileSystemError(error, "read model file", path);
  }
}

// src/stores/local/object-layout.ts
import { createHash, randomBytes } from "node:crypto";
import { chmod, lstat, rename, stat as stat3, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join as join5 } from "node:path";
function defaultLocalStoreRoot(gitdir) {
  return join5(gitdir, "mreg", "objects");
}
function objectFile(root, sha256) {
  const hex = checkedHex(sha256, "invalid-input");
  return join5(root, "sha256", hex.slice(0, 2), hex);
}
function tempDirectory(root) {
  return join5(root, "tmp");
}
async function hasObject(root, sha256) {
  try {
    return (await stat3(objectFile(root, sha256))).isFile();
  } catch (error) {
    if (errorCode(error) === "ENOENT") return false;
    throw fileSystemError(error, "inspect", objectFile(root, sha256));
  }
}
async function* listObjectFiles(root) {
  const base = join5(root, "sha256");
  for (const fan of await listNames(base)) {
    if (!/^[0-9a-f]{2}$/.test(fan)) continue;
    const fanPath = join5(base, fan);
    for (const name of await listNames(fanPath)) {
      if (!SHA256_HEX.test(name) || !name.startsWith(fan)) continue;
      const path = join5(fanPath, name);
      let info;
      try {
        info = await lstat(path);
      } catch (error) {
        if (errorCode(error) === "ENOENT") continue;
        throw fileSystemError(error, "inspect", path);
      }
      if (info.isFile()) yield { sha256: name, size: info.size, path, modified: info.mtime };
    }
  }
}
var PIN_STALE_MS = 36e5;
var HOST = createHash("sha256").update(hostname()).digest("hex").slice(0, 12);
function pinDirectory(root) {
  return join5(root, "pins");
}
async function pinObject(root, sha256) {
  const hex = checkedHex(sha256, "invalid-input");
  const directory = pinDirectory(root);
  await ensureDirectory(directory);
  const path = join5(directory, ownedName(hex));
  try {
    await writeFile(path, "", { flag: "wx" });
  } catch (error) {
    throw fileSystemError(error, "pin the stored object at", path);
  }
  return path;
}
async function unpinObject(pinPath) {
  await removeQuietly(pinPath);
}
async function isPinned(root, sha256) {
  const directory = pinDirectory(root);
  const cutoff = Date.now() - PIN_STALE_MS;
  for (const name of await listNames(directory)) {
    if (!name.startsWith(`${sha256}.`) || ownerIsGone(name)) continue;
    try {
      if ((await lstat(join5(directory, name))).mtimeMs > cutoff) return true;
    } catch {
    }
  }
  return false;
}
function ownedName(prefix) {
  return `${prefix}.${HOST}.${process.pid}.${randomBytes(8).toString("hex")}`;
}
function ownerIsGone(name) {
  const owner = /\.([0-9a-f]{12})\.(\d+)\.[0-9a-f]{16}/.exec(name);
  if (!owner || owner[1] !== HOST) return false;
  try {
    process.kill(Number(owner[2]), 0);
    return false;
  } catch (error) {
    return errorCode(error) === "ESRCH";
  }
}
async function removeObject(root, sha256, inUse) {
  const objectPath = objectFile(root, sha256);
  await ensureDirectory(tempDirectory(root));
  const doomed = join5(tempDirectory(root), `${ownedName(`remove-${sha256}`)}.tmp`);
  try {
    await rename(objectPath, doomed);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return false;
    throw fileSystemError(error, "remove the object", objectPath);
  }
  let needed;
  try {
    needed = await isPinned(root, sha256) || (await inUse?.(sha256) ?? false);
  } catch (error) {
    await putBack(doomed, objectPath);
    throw error;
  }
  if (needed) {
    await putBack(doomed, objectPath);
    return false;
  }
  await unlinkObjectFile(doomed);
  return true;
}
async function putBack(doomed, objectPath) {
  try {
    await rename(doomed, objectPath);
  } catch (error) {
    throw fileSystemError(error, "put back the object", objectPath);
  }
}
async function unlinkObjectFile(path) {
  try {
    await unlink(path);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT") return;
    if (code !== "EPERM" && code !== "EACCES") throw fileSystemError(error, "remove the object", path);
    try {
      await chmod(path, 420);
      await unlink(path);
    } catch (retryError) {
      if (errorCode(retryError) !== "ENOENT") throw fileSystemError(retryError, "remove the object", path);
    }
  }
}
async function* listLeftovers(root) {
  const pinCutoff = Date.now() - PIN_STALE_MS;
  for (const [folder, directory] of [
    ["tmp", tempDirectory(root)],
    ["pins", pinDirectory(root)]
  ]) {
    for (const name of await listNames(directory)) {
      const path = join5(directory, name);
      let info;
      try {
        info = await lstat(path);
      } catch {
        continue;
      }
      if (!info.isFile()) continue;
      const gone = ownerIsGone(name);
      if (folder === "pins" && !gone && info.mtimeMs > pinCutoff) continue;
      yield { id: `${folder}/${name}`, path, size: info.size, modified: gone ? /* @__PURE__ */ new Date(0) : info.mtime };
    }
  }
}
async function removeLeftover(root, id) {
  const match = /^(tmp|pins)\/([^/\\]+)$/.exec(id);
  if (!match || match[2] === "." || match[2] === "..") return;
  const directory = match[1] === "tmp" ? tempDirectory(root) : pinDirectory(root);
  await removeQuietly(join5(directory, match[2]));
}
function checkArtifact(artifact, options = {}) {
  if (artifact.store !== "local") {
    throw invalidInput(
      `${artifact.file_name} is stored in "${artifact.store}", not in the local store; fetch it with the ${artifact.store} store`,
      { store: artifact.store }
    );
  }
  if (artifact.deleted && !options.allowDeleted) {
    throw notFound(
      `the stored bytes of ${artifact.file_name} were removed by retention; only its metadata remains`,
      { sha256: artifact.sha256 }
    );
  }
  return checkedHex(artifact.sha256, "integrity");
}
function checkedHex(sha256, kind) {
  if (typeof sha256 !== "string" || !SHA256_HEX.test(sha256)) {
    throw new RegistryError(
      kind,
      (w) => `"${String(sha256)}" is not a SHA-256 (64 lowercase hex digits); ${kind === "integrity" ? `the registry metadata is corrupt \u2014 ${w.command("doctor")} checks the registry` : "pass the digest hashFile returned"}`,
      { sha256 }
    );
  }
  return sha256;
}

// src/stores/local/object-fetch.ts
async function fetchObject(root, artifact, outPath, onProgress) {
  const hex = checkArtifact(artifact);
  const objectPath = objectFile(root, hex);
  const handle = await openObject(root, artifact, objectPath);
  if (!handle) throw missingObject(root, artifact, objectPath);
  const source = boundedStream(handle, artifact);
  let finalPath;
  let createdDirectory;
  try {
    ;
    ({ finalPath, createdDirectory } = await resolveOutput(outPath, safeFileName(artifact.file_name)));
  } catch (error) {
    source.destroy();
    throw error;
  }
  const tempPath = tempPathBeside(finalPath);
  try {
    let actual;
    try {
      actual = await copyWithHash(readingAs(source, objectPath, artifact), tempPath, {
        onProgress,
        total: artifact.size
      });
    } finally {
      source.destroy();
    }
    if (actual.sha256 !== hex) {
      throw integrityError(
        (w) => `checksum mismatch for ${artifact.file_name}: expected ${hex}, got ${actual.sha256}; the stored object ${objectPath} is corrupt \u2014 ${w.command("doctor")} checks the registry`,
        { expected: hex, actual: actual.sha256, path: objectPath }
      );
    }
    if (actual.size !== artifact.size) {
      throw integrityError(
        (w) => `size mismatch for ${artifact.file_name}: expected ${artifact.size} bytes, got ${actual.size}; the registry metadata is wrong \u2014 ${w.command("doctor")} checks the registry`,
        { expected_size: artifact.size, actual_size: actual.size, path: objectPath }
      );
    }
    await moveIntoPlace(tempPath, finalPath);
    return { path: finalPath, sha256: actual.sha256, size: actual.size };
  } catch (error) {
    await removeQuietly(tempPath);
    await removeCreatedDirectories(dirname3(finalPath), createdDirectory);
    throw error;
  }
}
async function verifyObject(root, artifact) {
  const hex = checkArtifact(artifact, { allowDeleted: true });
  if (artifact.deleted) return { ok: false, actual: null, present: false };
  const objectPath = objectFile(root, hex);
  const handle = await openObject(root, artifact, objectPath);
  if (!handle) return { ok: false, actual: null, present: false };
  const stream = boundedStream(handle, artifact);
  try {
    const actual = await digestStream(readingAs(stream, objectPath, artifact));
    return {
      ok: actual.sha256 === hex && actual.size === artifact.size,
      actual: actual.sha256,
      present: true
    };
  } finally {
    stream.destroy();
  }
}
async function openObject(root, artifact, objectPath) {
  let info;
  try {
    info = await lstat2(objectPath);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw fileSystemError(error, "inspect the stored object", objectPath);
  }
  if (!info.isFile()) throw notAnObject(artifact, objectPath, describeNonFile(info));
  let handle;
  try {
    handle = await open(objectPath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT") return null;
    if (code === "ELOOP") throw notAnObject(artifact, objectPath, "a symbolic link");
    throw fileSystemError(error, "read the stored object", objectPath);
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw notAnObject(artifact, objectPath, describeNonFile(opened));
    const expected = artifact.size;
    if (opened.size !== expected) {
      throw integrityError(
        `stored object ${objectPath} of ${artifact.file_name} has ${opened.size} bytes, the metadata records ${expected}; the store or the metadata was altered \u2014 run 'mreg doctor'`,
        { path: objectPath, expected_size: expected, actual_size: opened.size }
      );
    }
    return handle;
  } catch (error) {
    await handle.close().catch(() => void 0);
    throw error;
  }
}
function boundedStream(handle, artifact) {
  return handle.createReadStream({ highWaterMark: CHUNK_BYTES, start: 0, end: artifact.size });
}
function describeNonFile(info) {
  if (info.isSymbolicLink()) return "a symbolic link";
  if (info.isDirectory()) return "a directory";
  return specialFileKind(info) ?? "not a regular file";
}
function notAnObject(artifact, objectPath, what) {
  return integrityError(
    `stored object ${objectPath} of ${artifact.file_name} is ${what}, not a regular file; the store was tampered with \u2014 remove it and run 'mreg doctor'`,
    { path: objectPath, expected: artifact.sha256 }
  );
}
function missingObject(root, artifact, objectPath) {
  return integrityError(
    `artifact ${artifact.file_name} (sha256 ${artifact.sha256}) is missing from the store at ${root}; run 'mreg doctor'`,
    { expected: artifact.sha256, path: objectPath }
  );
}
function safeFileName(fileName) {
  if (!fileName || fileName !== basename(fileName) || fileName === "." || fileName === ".." || /[/\\]/.test(fileName)) {
    throw integrityError(
      (w) => `artifact file name "${fileName}" is not a plain file name; the registry metadata is corrupt \u2014 ${w.command("doctor")} checks the registry`,
      {
        file_name: fileName
      }
    );
  }
  return fileName;
}
async function resolveOutput(outPath, fileName) {
  const absolute = resolve3(outPath);
  const spelledAsDirectory = outPath.endsWith("/") || outPath.endsWith(sep);
  let isDirectory = false;
  try {
    isDirectory = (await stat4(absolute)).isDirectory();
  } catch (error) {
    const code = errorCode(error);
    if (code !== "ENOENT" && code !== "ENOTDIR") throw fileSystemError(error, "inspect", absolute);
  }
  const finalPath = isDirectory || spelledAsDirectory ? join6(absolute, fileName) : absolute;
  const createdDirectory = await ensureDirectory(dirname3(finalPath));
  return { finalPath, createdDirectory };
}
async function removeCreatedDirectories(deepest, firstCreated) {
  if (!firstCreated) return;
  const top = resolve3(firstCreated);
  let directory = resolve3(deepest);
  for (; ; ) {
    const inside = relative(top, directory);
    if (inside.startsWith("..") || isAbsolute2(inside)) return;
    try {
      await rmdir(directory);
    } catch {
      return;
    }
    if (directory === top) return;
    directory = dirname3(directory);
  }
}

// src/stores/local/object-put.ts
import { chmod as chmod2, link, lstat as lstat3, rename as rename2, utimes } from "node:fs/promises";
import { dirname as dirname4, join as join7 } from "node:path";
var OBJECT_MODE = 292;
async function putObject(root, sourcePath, target, expected, onProgress) {
  const expectedHex = checkedHex(expected.sha256, "invalid-input");
  const pin = await pinObject(root, expectedHex);
  try {
    const result = await storeObject(root, sourcePath, target, expected, expectedHex, onProgress);
    return { ...result, lease: objectLease(root, expectedHex, pin, target) };
  } catch (error) {
    await unpinObject(pin);
    throw error;
  }
}
function objectLease(root, hex, pin, target) {
  let settled = false;
  return {
    async settle(committed) {
      if (settled) return;
      settled = true;
      try {
        if (committed && !await hasObject(root, hex)) {
          throw integrityError(
            `${target.name}@${target.version} was committed but its stored bytes (sha256 ${hex}) vanished while registering (a delete or cleanup that crashed mid-way); register the file again`,
            { sha256: hex, path: objectFile(root, hex) }
          );
        }
      } finally {
        await unpinObject(pin);
      }
    }
  };
}
async function storeObject(root, sourcePath, target, expected, expectedHex, onProgress) {
  const { handle, size } = await openModelFile(sourcePath);
  const source = handle.createReadStream({ highWaterMark: CHUNK_BYTES });
  if (await hasObject(root, expectedHex).catch(() => false)) {
    let actual2;
    try {
      actual2 = await digestStream(readingAs(source, sourcePath), { onProgress, total: size });
    } finally {
      source.destroy();
    }
    if (actual2.sha256 === expectedHex && actual2.size === expected.size) {
      const objectPath2 = objectFile(root, expectedHex);
      await reuseExisting(objectPath2);
      return putResult(target, actual2, objectPath2, false);
    }
    throw changedWhileRegistering(sourcePath, expected, actual2);
  }
  let tempPath;
  try {
    await ensureDirectory(tempDirectory(root));
    tempPath = join7(tempDirectory(root), `${ownedName("put")}.tmp`);
  } catch (error) {
    source.destroy();
    throw error;
  }
  let actual;
  try {
    actual = await copyWithHash(readingAs(source, sourcePath), tempPath, { onProgress, total: size });
  } finally {
    source.destroy();
  }
  if (actual.sha256 !== expectedHex || actual.size !== expected.size) {
    await removeQuietly(tempPath);
    throw changedWhileRegistering(sourcePath, expected, actual);
  }
  const objectPath = objectFile(root, actual.sha256);
  let created;
  try {
    await chmod2(tempPath, OBJECT_MODE);
    await ensureDirectory(dirname4(objectPath));
    created = await publishExclusively(tempPath, objectPath);
  } catch (error) {
    throw fileSystemError(error, "store the object", objectPath);
  } finally {
    await removeQuietly(tempPath);
  }
  return putResult(target, actual, objectPath, created);
}
function putResult(target, digest, objectPath, created) {
  return {
    artifact: {
      store: "local",
      uri: `sha256:${digest.sha256}`,
      file_name: target.file_name,
      size: digest.size,
      sha256: digest.sha256,
      media_type: target.media_type
    },
    file_path: objectPath,
    created
  };
}
function changedWhileRegistering(path, expected, actual) {
  return integrityError(
    `model file changed while registering: expected sha256 ${expected.sha256}, got ${actual.sha256}; register again`,
    {
      path,
      expected: expected.sha256,
      actual: actual.sha256,
      expected_size: expected.size,
      actual_size: actual.size
    }
  );
}
async function publishExclusively(tempPath, objectPath) {
  try {
    await link(tempPath, objectPath);
  } catch (error) {
    const code = errorCode(error);
    if (code === "EEXIST") return reuseExisting(objectPath);
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw error;
    if (await exists(objectPath)) return reuseExisting(objectPath);
    await rename2(tempPath, objectPath);
  }
  await syncDirectory(dirname4(objectPath));
  return true;
}
async function reuseExisting(objectPath) {
  const now = /* @__PURE__ */ new Date();
  await utimes(objectPath, now, now).catch(() => void 0);
  return false;
}
async function exists(path) {
  try {
    await lstat3(path);
    return true;
  } catch (error) {
    if (errorCode(error) === "ENOENT") return false;
    throw error;
  }
}

// src/stores/local/local-store.ts
var LocalArtifactStore = class {
  kind = "local";
  bindsVersion = false;
  /** Each copy waits mostly for its fsync (README.md "Directories"): eight overlap well. */
  parallelFetches = 8;
  /** Absolute, so that `file_path` and error messages name the object unambiguously. */
  root;
  onProgress;
  constructor(options) {
    this.root = resolve4(options.root);
    this.onProgress = options.onProgress;
  }
  /** Absolute path of the object holding the bytes with this SHA-256 (whether or not it exists). */
  objectPath(sha256) {
    return objectFile(this.root, sha256);
  }
  async put(sourcePath, target, expected, onProgress = this.onProgress) {
    return putObject(this.root, sourcePath, target, expected, onProgress);
  }
  /**
   * Every file its own content-addressed object (uncompressed, shared like any other). On a
   * failure the objects this call created are removed again; the caller undoes the rest after a
   * failed commit.
   */
  async putDirectory(directory, target) {
    const created = [];
    const leases = [];
    try {
      for (const entry of directory.entries) {
        const stored = await this.put(
          directory.files.get(entry.path),
          { ...target, file_name: basename2(entry.path), compression: "none" },
          { sha256: entry.sha256, size: entry.size }
        );
        if (stored.lease) leases.push(stored.lease);
        if (stored.created) created.push(stored);
      }
    } catch (error) {
      for (const lease of leases) await lease.settle(false);
      for (const stored of created) await this.remove(stored.artifact).catch(() => void 0);
      throw error;
    }
    return {
      artifact: {
        store: this.kind,
        file_name: target.file_name,
        size: directory.digest.size,
        sha256: directory.digest.sha256,
        media_type: target.media_type,
        manifest: directory.entries
      },
      file_path: target.file_name,
      created,
      leases
    };
  }
  /** Content-addressed bytes are final once stored: nothing to publish. */
  async finish() {
  }
  async fetch(artifact, outPath, onProgress = this.onProgress) {
    return fetchObject(this.root, artifact, outPath, onProgress);
  }
  async verify(artifact) {
    return verifyObject(this.root, artifact);
  }
  /** Each file of a directory version is its own object, re-hashed on its own. */
  verifyFiles(artifact) {
    return verifyEachFile((file) => this.verify(file), artifact);
  }
  async remove(artifact, inUse) {
    await removeObject(this.root, checkArtifact(artifact, { allowDeleted: true }), inUse);
  }
  /** Whether bytes with this SHA-256 are stored (without re-hashing them). */
  async has(sha256) {
    return hasObject(this.root, sha256);
  }
  /** Every stored object, in SHA-256 order (for doctor and orphan sweeps). Names that are not objects are skipped. */
  listObjects() {
    return listObjectFiles(this.root);
  }
  /** Every object, then the temp files and pins a killed writer may have left (`temporary`). */
  async *listStored() {
    for await (const object of this.listObjects()) {
      yield {
        id: object.sha256,
        sha256: object.sha256,
        size: object.size,
        modified: object.modified,
        label: object.path
      };
    }
    for await (const leftover of listLeftovers(this.root)) {
      yield { ...leftover, label: leftover.path, temporary: true };
    }
  }
  async removeStored(item, inUse) {
    if (item.temporary) return removeLeftover(this.root, item.id);
    if (!item.sha256 || !SHA256_HEX.test(item.sha256)) return;
    await removeObject(this.root, item.sha256, inUse);
  }
};

// src/stores/local/local-state.ts
import { mkdir as mkdir3, readFile as readFile4 } from "node:fs/promises";
import { join as join8 } from "node:path";
var LocalStateFiles = class {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  async read(key) {
    try {
      return (await readFile4(this.path(key), "utf8")).trim();
    } catch {
      return null;
    }
  }
  async write(key, value) {
    await mkdir3(this.dir, { recursive: true });
    await writeFileAtomic(this.path(key), value + "\n");
  }
  path(key) {
    if (!/^[a-z][a-z0-9-]{0,40}$/.test(key)) throw new Error(`invalid state key "${key}"`);
    return join8(this.dir, key);
  }
};

// src/wiring/tip-signal.ts
import { watch } from "node:fs";
import { dirname as dirname5, join as join9 } from "node:path";
var Signal = class {
  waiters = [];
  pending = false;
  closed = false;
  cleanups = [];
  /** Pokes at every interval; with `probe`, only when the probe says the tip may have moved. */
  constructor(intervalMs, probe) {
    if (!probe) {
      const timer2 = setInterval(() => this.poke(), intervalMs);
      timer2.unref();
      this.cleanups.push(() => clearInterval(timer2));
      return;
    }
    let timer;
    const schedule = (delay) => {
      if (this.closed) return;
      timer = setTimeout(() => {
        probe().then(
          (moved) => {
            if (moved) this.poke();
            schedule(intervalMs);
          },
          () => {
            this.poke();
            schedule(intervalMs);
          }
        );
      }, delay);
      timer.unref();
    };
    schedule(0);
    this.cleanups.push(() => clearTimeout(timer));
  }
  onClose(cleanup) {
    this.cleanups.push(cleanup);
  }
  next() {
    if (this.closed) return Promise.resolve();
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve5) => {
      const hold = setInterval(() => {
      }, 1 << 30);
      this.waiters.push(() => {
        clearInterval(hold);
        resolve5();
      });
    });
  }
  poke() {
    const waiters = this.waiters;
    this.waiters = [];
    if (waiters.length === 0) this.pending = true;
    for (const wake of waiters) wake();
  }
  close() {
    if (this.closed) return;
    this.closed = true;
    for (const cleanup of this.cleanups) cleanup();
    this.poke();
  }
};
function probingTipSignal(probe, intervalMs) {
  return new Signal(intervalMs, probe);
}
function localTipSignal(gitdir, branch, pollIntervalMs) {
  const signal = new Signal(pollIntervalMs);
  const refDir = dirname5(join9(gitdir, "refs", "heads", branch));
  const watchOne = (dir, relevant) => {
    let watcher;
    try {
      watcher = watch(dir, { persistent: false }, (_event, file) => {
        if (file === null || relevant(String(file))) signal.poke();
      });
      watcher.on("error", () => watcher?.close());
    } catch {
    }
    signal.onClose(() => watcher?.close());
  };
  const leaf = branch.slice(branch.lastIndexOf("/") + 1);
  watchOne(refDir, (file) => file === leaf || file === `${leaf}.lock`);
  watchOne(gitdir, (file) => file === "packed-refs" || file === "packed-refs.lock");
  return signal;
}

// src/wiring/open-registry.ts
function localContext(target) {
  const now = target.now ?? (() => /* @__PURE__ */ new Date());
  const backend = new LocalRegistryBackend({
    dir: target.dir,
    gitdir: target.gitdir,
    branch: target.branch,
    author: target.author,
    identity: target.identity,
    now: target.now
  });
  const storeRoot = target.storeRoot ?? defaultLocalStoreRoot(target.gitdir);
  let store = target.store;
  const state = target.state === void 0 ? new LocalStateFiles(join10(target.gitdir, "mreg", "state")) : target.state;
  const ctx = {
    backend,
    store: async () => store ??= new LocalArtifactStore({ root: storeRoot, onProgress: target.progress?.("storing") }),
    now,
    actor: target.actor,
    channel: "local"
  };
  if (target.notice) ctx.notice = target.notice;
  if (target.progress) ctx.progress = target.progress;
  if (state) ctx.state = state;
  return ctx;
}
async function openContext(options = {}) {
  const branch = options.branch ?? "model-registry";
  if (options.github) {
    const gh = options.github;
    const actor2 = options.actor ?? "unknown";
    const { githubContext, githubTipProbe } = await import("./cli-github-2KRFZVW2.js");
    const target = {
      owner: gh.owner,
      repo: gh.repo,
      token: gh.token,
      apiUrl: gh.apiUrl ?? "https://api.github.com",
      serverUrl: gh.serverUrl ?? "https://github.com",
      branch,
      cacheDir: gh.cacheDir,
      actor: actor2,
      source: options.source,
      log: options.log,
      notice: options.notice,
      now: options.now,
      tuning: gh.tuning,
      proxy: gh.proxy,
      store: options.artifactStore
    };
    const context2 = githubContext(target);
    if (options.progress) context2.progress = options.progress;
    const interval2 = options.pollIntervalMs ?? 15e3;
    return {
      context: context2,
      gitdir: null,
      tipSignal: () => probingTipSignal(githubTipProbe(target), interval2)
    };
  }
  const dir = resolvePath(options.registry ?? process.cwd());
  const location = options.create ? await openOrCreateRepository(dir) : await findRepository(dir);
  const identity = await resolveIdentity(location.gitdir, options.author, options.gitEnv ?? process.env);
  const actor = options.actor ?? identity.author.name;
  const context = localContext({
    dir: location.dir,
    gitdir: location.gitdir,
    branch,
    storeRoot: options.store === void 0 ? void 0 : resolvePath(options.store),
    actor,
    identity: async () => {
      if (identity.fallback.length > 0) options.notice?.(fallbackNotice(identity));
      return identity;
    },
    now: options.now,
    notice: options.notice,
    progress: options.progress,
    state: options.state,
    store: options.artifactStore
  });
  if (options.source) context.source = options.source;
  else if (options.withProvenance) context.source = { ...await localProvenance(location), actor };
  const interval = options.pollIntervalMs ?? 1e3;
  return {
    context,
    gitdir: location.gitdir,
    tipSignal: () => localTipSignal(location.gitdir, branch, interval)
  };
}
function fallbackNotice(identity) {
  const { name, email } = FALLBACK_IDENTITY;
  return `no git identity set (${identity.fallback.join(", ")}): commits use "${name} <${email}>" for it; set user.name and user.email (git config --global), or GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL`;
}

// src/cli/progress.ts
var PROGRESS_THRESHOLD_BYTES = 100 * 1024 * 1024;
var REDRAW_MS = 200;
function terminalProgress(label, write, now = () => Date.now()) {
  let last = 0;
  let finished = false;
  return (done, total) => {
    if (total < PROGRESS_THRESHOLD_BYTES || finished) return;
    const complete = done >= total;
    if (!complete && now() - last < REDRAW_MS) return;
    last = now();
    const percent = Math.floor(done / total * 100);
    write(
      `\r${label} ${String(percent).padStart(3)}% (${formatBytes(done)} / ${formatBytes(total)})${complete ? "\n" : ""}`
    );
    finished = complete;
  };
}

// src/cli/environment.ts
async function commandContext(options, io, create = false, withProvenance = false) {
  return (await openFromCli(options, io, create, void 0, withProvenance)).context;
}
async function openFromCli(options, io, create = false, pollIntervalMs, withProvenance = false) {
  const notice = (message) => io.stderr(stderrLine(message));
  const progress = (label) => io.interactive ? terminalProgress(label, io.stderr) : void 0;
  const github = options.github ?? io.env.MREG_GITHUB;
  const common = { branch: options.branch, notice, progress, pollIntervalMs };
  if (github !== void 0) {
    const actor = io.env.MREG_ACTOR || io.env.GIT_AUTHOR_NAME || safeUserName();
    return openContext({
      ...common,
      actor,
      github: await gitHubTarget(github, options, io),
      log: { info: () => {
      }, warn: notice }
    });
  }
  return openContext({
    ...common,
    registry: options.registry ?? io.env.MREG_REGISTRY,
    store: options.store ?? io.env.MREG_STORE,
    create,
    actor: io.env.MREG_ACTOR || void 0,
    gitEnv: io.env,
    withProvenance
  });
}
async function gitHubTarget(github, options, io) {
  const { parseRepository } = await import("./cli-github-2KRFZVW2.js");
  const repository = parseRepository(github);
  if (!repository) throw invalidInput(`--github "${github}" is not owner/repo, e.g. --github acme/meters`);
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
  if (!token) throw invalidInput("--github needs a token in GITHUB_TOKEN (contents: write to register)");
  const cacheHome = io.env.XDG_CACHE_HOME || join11(homedir(), ".cache");
  return {
    ...repository,
    token,
    apiUrl: options.apiUrl ?? io.env.GITHUB_API_URL ?? "https://api.github.com",
    serverUrl: options.serverUrl ?? io.env.GITHUB_SERVER_URL ?? "https://github.com",
    cacheDir: join11(cacheHome, "mreg"),
    tuning: io.githubTuning,
    proxy: proxyFromEnv(io.env)
  };
}
function safeUserName() {
  try {
    return userInfo().username || "unknown";
  } catch {
    return "unknown";
  }
}
export {
  commandContext,
  openFromCli
};
