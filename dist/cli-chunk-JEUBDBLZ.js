import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  RegistryError,
  invalidInput,
  isRegistryError
} from "./cli-chunk-VHUSGLFD.js";

// src/stores/atomic-file.ts
import { randomBytes } from "node:crypto";
import { chmod, lstat, open, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
var TEMP_MARKER = ".mreg-";
var TEMP_SUFFIX = ".tmp";
var MAX_BASE_CHARS = 160;
function tempPathBeside(finalPath) {
  const base = basename(finalPath).slice(0, MAX_BASE_CHARS);
  return join(dirname(finalPath), `.${base}${TEMP_MARKER}${randomBytes(8).toString("hex")}${TEMP_SUFFIX}`);
}
function isTempName(name) {
  return name.startsWith(".") && name.includes(TEMP_MARKER) && name.endsWith(TEMP_SUFFIX);
}
function isTempNameFor(name, finalPath) {
  const base = basename(finalPath).slice(0, MAX_BASE_CHARS).replace(/^\.+/, "");
  return isTempName(name) && base !== "" && name.replace(/^\.+/, "").startsWith(base);
}
async function sweepStaleTempsBeside(finalPath, olderThanMs, options = {}) {
  const directory = dirname(finalPath);
  const cutoff = Date.now() - olderThanMs;
  const removed = [];
  let names;
  try {
    names = await readdir(directory);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!isTempNameFor(name, finalPath)) continue;
    const path = join(directory, name);
    try {
      const info = await lstat(path);
      if (info.isFile()) {
        if (info.mtimeMs > cutoff) continue;
      } else if (!options.directories || !info.isDirectory() || await newestChange(path) > cutoff) continue;
      await rm(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
    }
  }
  return removed;
}
async function newestChange(root) {
  const info = await lstat(root);
  let newest = info.mtimeMs;
  if (!info.isDirectory()) return newest;
  for (const name of await readdir(root)) {
    newest = Math.max(newest, await newestChange(join(root, name)).catch(() => 0));
  }
  return newest;
}
async function moveIntoPlace(tempPath, finalPath) {
  await refuseSpecialFile(finalPath, `"${finalPath}"`);
  try {
    await rename(tempPath, finalPath);
  } catch (error) {
    throw fileSystemError(error, "move the finished file to", finalPath);
  }
  await syncDirectory(dirname(finalPath));
}
function specialFileKind(info) {
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  return null;
}
async function refuseSpecialFile(path, label) {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return;
    throw fileSystemError(error, "inspect", path);
  }
  const kind = specialFileKind(info);
  if (kind) {
    throw new RegistryError(
      "invalid-input",
      `${label} is ${kind}, not a regular file: mreg never replaces special files; give a file path or a directory`,
      { path }
    );
  }
}
async function syncDirectory(directory) {
  let handle;
  try {
    handle = await open(directory, "r");
    await handle.sync();
  } catch {
  } finally {
    await handle?.close().catch(() => void 0);
  }
}
async function removeQuietly(path) {
  try {
    await rm(path, { force: true });
  } catch {
    try {
      await chmod(path, 420);
      await rm(path, { force: true });
    } catch {
    }
  }
}
async function writeFileAtomic(finalPath, data, options = {}) {
  const tempPath = tempPathBeside(finalPath);
  try {
    const handle = await open(tempPath, "wx", options.mode ?? 438);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await removeQuietly(tempPath);
    throw fileSystemError(error, "write", finalPath);
  }
  try {
    await moveIntoPlace(tempPath, finalPath);
  } catch (error) {
    await removeQuietly(tempPath);
    throw error;
  }
}
var errorCode = (error) => typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : void 0;
function fileSystemError(error, action, path) {
  if (error instanceof RegistryError) return error;
  const code = errorCode(error);
  const details = { path, code };
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return new RegistryError(
        "unavailable",
        `could not ${action} "${path}": no space left on the device; free some space and retry`,
        details
      );
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return new RegistryError(
        "invalid-input",
        `could not ${action} "${path}": permission denied; check its permissions or choose another path`,
        details
      );
    case "ENOENT":
    case "ENOTDIR":
      return new RegistryError(
        "invalid-input",
        `could not ${action} "${path}": a directory on the way does not exist; check the path`,
        details
      );
    case "EISDIR":
      return new RegistryError(
        "invalid-input",
        `could not ${action} "${path}": it is a directory; give a file path or remove the directory`,
        details
      );
    case "ENAMETOOLONG":
      return new RegistryError(
        "invalid-input",
        `could not ${action} "${path}": the name is too long; choose a shorter path`,
        details
      );
    default: {
      const reason = code ?? (error instanceof Error ? error.message : String(error));
      return new RegistryError(
        "unavailable",
        `could not ${action} "${path}" (${reason}); check the disk and retry`,
        details
      );
    }
  }
}

// src/stores/hashing.ts
import { createHash } from "node:crypto";
import { open as open2, stat } from "node:fs/promises";
import { Transform } from "node:stream";
var CHUNK_BYTES = 1024 * 1024;
var SHA256_HEX = /^[0-9a-f]{64}$/;
async function openModelFile(path) {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw modelFileError(error, path);
  }
  if (info.isDirectory()) throw invalidInput(`"${path}" is a directory, not a model file`, { path });
  if (!info.isFile())
    throw invalidInput(`"${path}" is not a regular file; give the path of the model file`, { path });
  let handle;
  try {
    handle = await open2(path, "r");
  } catch (error) {
    throw modelFileError(error, path);
  }
  try {
    return { handle, size: (await handle.stat()).size };
  } catch (error) {
    await handle.close().catch(() => void 0);
    throw modelFileError(error, path);
  }
}
function modelFileError(error, path) {
  if (error instanceof RegistryError) return error;
  switch (errorCode(error)) {
    case "ENOENT":
    case "ENOTDIR":
      return invalidInput(`model file "${path}" not found: check the path`, { path });
    case "EISDIR":
      return invalidInput(`"${path}" is a directory, not a model file`, { path });
    case "EACCES":
    case "EPERM":
      return invalidInput(`cannot read model file "${path}": permission denied; check its permissions`, {
        path
      });
    default:
      return fileSystemError(error, "read model file", path);
  }
}
async function digestStream(source, options = {}) {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    hash.update(bytes);
    size += bytes.length;
    options.onProgress?.(size, options.total ?? 0);
  }
  return { sha256: hash.digest("hex"), size };
}
async function hashFile(path, onProgress) {
  const { handle, size } = await openModelFile(path);
  const stream = handle.createReadStream({ highWaterMark: CHUNK_BYTES });
  try {
    return await digestStream(stream, { onProgress, total: size });
  } catch (error) {
    throw modelFileError(error, path);
  } finally {
    stream.destroy();
  }
}
var HashingStream = class extends Transform {
  constructor(onProgress, total = 0) {
    super();
    this.onProgress = onProgress;
    this.total = total;
  }
  onProgress;
  total;
  hash = createHash("sha256");
  bytes = 0;
  result;
  _transform(chunk, _encoding, callback) {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.onProgress?.(this.bytes, this.total);
    callback(null, chunk);
  }
  _flush(callback) {
    this.result = { sha256: this.hash.digest("hex"), size: this.bytes };
    callback();
  }
  /** The digest of everything that passed; throws if the stream has not finished. */
  digest() {
    if (!this.result) throw new Error("HashingStream.digest() called before the stream finished");
    return this.result;
  }
};
async function copyWithHash(source, destinationPath, options = {}) {
  let handle;
  try {
    handle = await open2(destinationPath, "wx", options.mode ?? 438);
  } catch (error) {
    throw fileSystemError(error, "create", destinationPath);
  }
  const hash = createHash("sha256");
  let size = 0;
  try {
    for await (const chunk of source) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      hash.update(bytes);
      await writeAll(handle, bytes, destinationPath);
      size += bytes.length;
      options.onProgress?.(size, options.total ?? 0);
    }
    try {
      await handle.sync();
    } catch (error) {
      throw fileSystemError(error, "flush", destinationPath);
    }
  } catch (error) {
    await handle.close().catch(() => void 0);
    await removeQuietly(destinationPath);
    throw error;
  }
  try {
    await handle.close();
  } catch (error) {
    await removeQuietly(destinationPath);
    throw fileSystemError(error, "close", destinationPath);
  }
  return { sha256: hash.digest("hex"), size };
}
async function writeAll(handle, bytes, path) {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
      offset += bytesWritten;
    } catch (error) {
      throw fileSystemError(error, "write", path);
    }
  }
}

// src/domain/manifest.ts
function sortManifest(entries) {
  return [...entries].sort((a, b) => byCodePoints(a.path, b.path));
}
function byCodePoints(a, b) {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
function canonicalManifest(entries) {
  return JSON.stringify(sortManifest(entries).map((e) => ({ path: e.path, size: e.size, sha256: e.sha256 })));
}
function checkManifestPath(path) {
  const segments = path.split("/");
  if (path === "" || path.includes("\0") || path.includes("\\") || segments.some((segment) => segment === "" || segment === "." || segment === "..")) {
    throw invalidInput(
      `invalid path "${path}" in a directory manifest: relative, "/"-separated, no "." or ".."`
    );
  }
  return path;
}
function totalSize(entries) {
  return entries.reduce((sum, e) => sum + e.size, 0);
}
function fileArtifacts(artifact) {
  if (!artifact.manifest) return [artifact];
  return artifact.manifest.map((entry) => {
    const view = {
      store: artifact.store,
      file_name: basename2(entry.path),
      size: entry.size,
      sha256: entry.sha256,
      media_type: "application/octet-stream",
      ...artifact.deleted ? { deleted: true } : {}
    };
    if (artifact.store !== "github-release") return view;
    const assets = (artifact.assets ?? []).filter((asset) => asset.path === entry.path);
    const split = assets.length > 1;
    return {
      ...view,
      ...artifact.release ? { release: artifact.release } : {},
      assets,
      // A split file's parts: each asset's own record holds its hash and size.
      ...split ? {
        parts: assets.map((asset) => ({
          index: asset.part ?? 0,
          size: asset.size,
          sha256: asset.sha256,
          name: asset.name
        }))
      } : {}
    };
  });
}
function basename2(path) {
  return path.slice(path.lastIndexOf("/") + 1);
}

// src/stores/verify-files.ts
async function verifyEachFile(verify, artifact) {
  const results = [];
  for (const file of fileArtifacts(artifact)) {
    try {
      results.push({ file, ...await verify(file) });
    } catch (error) {
      if (!isRegistryError(error) || error.kind !== "integrity") throw error;
      results.push({ file, ok: false, actual: null, present: true, error });
    }
  }
  return results;
}

export {
  tempPathBeside,
  sweepStaleTempsBeside,
  moveIntoPlace,
  specialFileKind,
  refuseSpecialFile,
  syncDirectory,
  removeQuietly,
  writeFileAtomic,
  errorCode,
  fileSystemError,
  CHUNK_BYTES,
  SHA256_HEX,
  openModelFile,
  digestStream,
  hashFile,
  HashingStream,
  copyWithHash,
  sortManifest,
  canonicalManifest,
  checkManifestPath,
  totalSize,
  fileArtifacts,
  verifyEachFile
};
