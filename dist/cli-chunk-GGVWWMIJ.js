import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  canonicalManifest,
  checkManifestPath,
  fileArtifacts,
  fileSystemError,
  hashFile,
  sortManifest,
  syncDirectory,
  tempPathBeside,
  totalSize
} from "./cli-chunk-JEUBDBLZ.js";
import {
  integrityError,
  invalidInput
} from "./cli-chunk-VHUSGLFD.js";

// src/commands/directory.ts
import { createHash } from "node:crypto";
import { lstat, mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
async function isDirectoryPath(path) {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
async function scanDirectory(root) {
  const files = /* @__PURE__ */ new Map();
  const walk = async (dir, prefix) => {
    const children = await readdir(dir, { withFileTypes: true });
    if (children.length === 0 && prefix !== "")
      throw invalidInput(
        (w) => `${w.field("model-path")}: "${prefix}" in ${root} is an empty directory: a version restores files only; remove it or put a file in it`,
        { field: "file", path: join(root, prefix) }
      );
    for (const child of children) {
      const path = prefix === "" ? child.name : `${prefix}/${child.name}`;
      const absolute = join(dir, child.name);
      if (child.isSymbolicLink())
        throw invalidInput(
          (w) => `${w.field("model-path")}: "${path}" in ${root} is a symbolic link: register regular files only (copy in what it points to)`,
          { field: "file", path: absolute }
        );
      if (child.isDirectory()) await walk(absolute, path);
      else if (child.isFile()) files.set(checkManifestPath(path), absolute);
      else
        throw invalidInput(
          (w) => `${w.field("model-path")}: "${path}" in ${root} is not a regular file (a socket, FIFO or device): remove it`,
          {
            field: "file",
            path: absolute
          }
        );
    }
  };
  await walk(root, "");
  if (files.size === 0)
    throw invalidInput((w) => `${w.field("model-path")}: directory ${root} has no files to register`, {
      field: "file"
    });
  const entries = [];
  for (const [path, absolute] of files) {
    const { sha256, size } = await hashFile(absolute);
    entries.push({ path, size, sha256 });
  }
  const sorted = sortManifest(entries);
  return { entries: sorted, files, digest: { sha256: manifestDigest(sorted), size: totalSize(sorted) } };
}
function manifestDigest(entries) {
  return createHash("sha256").update(canonicalManifest(entries), "utf8").digest("hex");
}
async function putDirectory(store, scanned, target) {
  return store.putDirectory(scanned, target);
}
function checkedManifest(artifact) {
  const manifest = artifact.manifest ?? [];
  if (manifestDigest(sortManifest(manifest)) !== artifact.sha256)
    throw integrityError(
      (w) => `the manifest of ${artifact.file_name} does not match its checksum ${artifact.sha256}; the registry metadata is corrupt \u2014 ${w.command("doctor")} checks the registry`
    );
  const paths = manifest.map((entry) => {
    try {
      return checkManifestPath(entry.path);
    } catch (error) {
      throw integrityError(
        (w) => `${error.message}; the registry metadata is corrupt \u2014 ${w.command("doctor")} checks the registry`
      );
    }
  });
  return { manifest, paths };
}
async function fetchDirectory(store, artifact, finalPath, options = {}) {
  const { manifest, paths } = checkedManifest(artifact);
  if (!options.replace && await exists(finalPath))
    throw invalidInput(`"${finalPath}" already exists: fetch a directory version to a new path`, {
      field: "out"
    });
  const temp = tempPathBeside(finalPath);
  const views = fileArtifacts(artifact);
  try {
    let next = 0;
    let failure;
    const worker = async () => {
      while (failure === void 0 && next < manifest.length) {
        const i = next++;
        const out = join(temp, paths[i]);
        try {
          await mkdir(dirname(out), { recursive: true });
          await store.fetch(views[i], out);
        } catch (error) {
          failure ??= { error };
        }
      }
    };
    const workers = Math.max(1, Math.min(store.parallelFetches, manifest.length));
    await Promise.all(Array.from({ length: workers }, worker));
    if (failure) throw failure.error;
    if (options.replace && await exists(finalPath)) await swapInto(temp, finalPath);
    else await rename(temp, finalPath);
    await syncDirectory(dirname(finalPath));
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  return finalPath;
}
async function swapInto(temp, finalPath) {
  const aside = tempPathBeside(finalPath);
  try {
    await rename(finalPath, aside);
  } catch (error) {
    throw fileSystemError(error, "move aside the directory being replaced at", finalPath);
  }
  try {
    await rename(temp, finalPath);
  } catch (error) {
    await rename(aside, finalPath).catch(() => void 0);
    throw fileSystemError(error, "move the verified directory to", finalPath);
  }
  await rm(aside, { recursive: true, force: true }).catch(() => void 0);
}
async function directoryMatches(root, artifact) {
  const { manifest, paths } = checkedManifest(artifact);
  const expected = new Map(paths.map((path, i) => [path, manifest[i]]));
  const found = [];
  const walk = async (dir, prefix) => {
    const children = await readdir(dir, { withFileTypes: true });
    if (children.length === 0 && prefix !== "") return false;
    for (const child of children) {
      const path = prefix === "" ? child.name : `${prefix}/${child.name}`;
      if (child.isDirectory()) {
        if (!await walk(join(dir, child.name), path)) return false;
      } else if (child.isFile() && expected.has(path)) found.push(path);
      else return false;
      if (found.length > expected.size) return false;
    }
    return true;
  };
  try {
    if (!await walk(root, "")) return false;
  } catch {
    return false;
  }
  if (found.length !== expected.size) return false;
  for (const path of found) {
    const entry = expected.get(path);
    const absolute = join(root, path);
    const info = await lstat(absolute).catch(() => null);
    if (!info?.isFile() || info.size !== entry.size) return false;
  }
  for (const path of found) {
    const entry = expected.get(path);
    const digest = await hashFile(join(root, path)).catch(() => null);
    if (digest?.sha256 !== entry.sha256) return false;
  }
  return true;
}
async function exists(path) {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export {
  isDirectoryPath,
  scanDirectory,
  putDirectory,
  fetchDirectory,
  directoryMatches
};
