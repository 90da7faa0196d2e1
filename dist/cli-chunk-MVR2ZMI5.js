import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  HashingStream,
  copyWithHash,
  moveIntoPlace,
  removeQuietly,
  tempPathBeside,
  verifyEachFile
} from "./cli-chunk-JEUBDBLZ.js";
import {
  integrityError,
  isRegistryError
} from "./cli-chunk-VHUSGLFD.js";

// src/stores/compressing-store.ts
import { createReadStream } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createGunzip, createGzip } from "node:zlib";

// src/stores/store-decorator.ts
var StoreDecorator = class {
  constructor(inner) {
    this.inner = inner;
    this.kind = inner.kind;
    this.bindsVersion = inner.bindsVersion;
    this.parallelFetches = inner.parallelFetches;
    if (inner.listStored)
      this.listStored = (records) => inner.listStored.call(inner, records);
    if (inner.removeStored)
      this.removeStored = (item, inUse) => inner.removeStored.call(inner, item, inUse);
  }
  inner;
  kind;
  bindsVersion;
  parallelFetches;
  listStored;
  removeStored;
  put(sourcePath, target, expected) {
    return this.inner.put(sourcePath, target, expected);
  }
  /** A directory's files are stored as they are (each verified against its manifest entry). */
  putDirectory(directory, target) {
    return this.inner.putDirectory(directory, target);
  }
  finish(artifact) {
    return this.inner.finish(artifact);
  }
  fetch(artifact, outPath) {
    return this.inner.fetch(artifact, outPath);
  }
  verify(artifact) {
    return this.inner.verify(artifact);
  }
  /**
   * A directory's files are stored as they are: the inner store checks them. A single file goes
   * through this store's own verify (a decorator may store it otherwise, e.g. compressed).
   */
  async verifyFiles(artifact) {
    if (artifact.manifest) return this.inner.verifyFiles(artifact);
    return verifyEachFile((file) => this.verify(file), artifact);
  }
  remove(artifact, inUse) {
    return this.inner.remove(artifact, inUse);
  }
};

// src/stores/compressing-store.ts
var CompressingStore = class extends StoreDecorator {
  async put(sourcePath, target, expected) {
    if (target.compression !== "gzip") return super.put(sourcePath, target, expected);
    const scratch = await mkdtemp(join(dirname(sourcePath), ".mreg-gzip-"));
    try {
      const compressedPath = join(scratch, `${target.file_name}.gz`);
      const original = new HashingStream();
      const gzip = createGzip();
      const source = createReadStream(sourcePath).pipe(original).pipe(gzip);
      const compressed = await copyWithHash(source, compressedPath);
      const read = original.digest();
      if (read.sha256 !== expected.sha256) {
        throw integrityError(
          `model file changed while registering: expected sha256 ${expected.sha256}, got ${read.sha256}; register again`
        );
      }
      const stored = await this.inner.put(
        compressedPath,
        { ...target, file_name: `${target.file_name}.gz`, media_type: "application/gzip" },
        compressed
      );
      const artifact = {
        ...stored.artifact,
        file_name: target.file_name,
        media_type: target.media_type,
        size: expected.size,
        sha256: expected.sha256,
        compression: "gzip",
        stored: { file_name: stored.artifact.file_name, size: compressed.size, sha256: compressed.sha256 }
      };
      return { ...stored, artifact, file_path: target.file_name };
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
  finish(artifact) {
    return this.inner.finish(artifact.compression === "gzip" ? storedView(artifact) : artifact);
  }
  async fetch(artifact, outPath) {
    if (artifact.compression !== "gzip") return this.inner.fetch(artifact, outPath);
    await mkdir(dirname(outPath), { recursive: true });
    const compressedPath = tempPathBeside(`${outPath}.gz`);
    const decompressedPath = tempPathBeside(outPath);
    try {
      await this.inner.fetch(storedView(artifact), compressedPath);
      let digest;
      try {
        digest = await copyWithHash(createReadStream(compressedPath).pipe(createGunzip()), decompressedPath);
      } catch (error) {
        if (isRegistryError(error)) throw error;
        throw integrityError(
          (w) => `stored artifact ${artifact.file_name} is not valid gzip (${error.message}); ${w.command("doctor")} checks the registry`
        );
      }
      if (digest.sha256 !== artifact.sha256) {
        throw integrityError(
          `checksum mismatch for ${artifact.file_name}: expected ${artifact.sha256}, got ${digest.sha256}`,
          {
            expected: artifact.sha256,
            actual: digest.sha256
          }
        );
      }
      await moveIntoPlace(decompressedPath, outPath);
      return { path: outPath, sha256: digest.sha256, size: digest.size };
    } finally {
      await removeQuietly(compressedPath);
      await removeQuietly(decompressedPath);
    }
  }
  verify(artifact) {
    return this.inner.verify(artifact.compression === "gzip" ? storedView(artifact) : artifact);
  }
  remove(artifact, inUse) {
    return this.inner.remove(artifact.compression === "gzip" ? storedView(artifact) : artifact, inUse);
  }
};
function storedView(artifact) {
  if (!artifact.stored) return artifact;
  const { stored, compression: _compression, ...rest } = artifact;
  return {
    ...rest,
    file_name: stored.file_name,
    size: stored.size,
    sha256: stored.sha256,
    media_type: "application/gzip"
  };
}

// src/commands/open-store.ts
var opened = /* @__PURE__ */ new WeakMap();
function openStore(ctx) {
  let store = opened.get(ctx);
  if (!store) {
    store = ctx.store().then((inner) => new CompressingStore(inner));
    opened.set(ctx, store);
    store.catch(() => opened.delete(ctx));
  }
  return store;
}

export {
  openStore
};
