/**
 * The Python registry's directory as import reads it: `models/<type>/<model_id>.pkl` beside
 * `metadata/<type>/<model_id>.json`. Every metadata file is paired with its model file (a model
 * file without one is refused); a metadata file is read and parsed into a legacy record
 * (src/domain/legacy.ts) with the SHA-256 of its bytes.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { invalidInput } from '../domain/errors.js'
import { readLegacyRecord, type LegacyRecord } from '../domain/legacy.js'
import { parseModelType } from '../domain/names.js'
import type { RegistryPolicy } from '../domain/types.js'

export const MODEL_EXTENSION = '.pkl'

/** The roots of the legacy directory's two trees, shared by every file. */
interface LegacyRoots {
  metadata: string
  models: string
}

/**
 * One metadata file and its model file. Only the names are kept (the roots and the type's
 * directory are shared): 100,000 of them stay small, and the paths are joined when asked for.
 */
export class LegacyFile {
  constructor(
    private readonly roots: LegacyRoots,
    /** The directory's name under metadata/ and models/. */
    private readonly typeDir: string,
    readonly modelType: string,
    readonly stem: string
  ) {}

  /** The same files, the stem given as another string of the same text. */
  named(stem: string): LegacyFile {
    return new LegacyFile(this.roots, this.typeDir, this.modelType, stem)
  }

  get metadataFile(): string {
    return join(this.roots.metadata, this.typeDir, `${this.stem}.json`)
  }

  get modelFile(): string {
    return join(this.roots.models, this.typeDir, `${this.stem}${MODEL_EXTENSION}`)
  }
}

export async function listLegacyFiles(dir: string): Promise<LegacyFile[]> {
  const metadataRoot = join(dir, 'metadata')
  const modelsRoot = join(dir, 'models')
  const roots: LegacyRoots = { metadata: metadataRoot, models: modelsRoot }
  await requireDirectory(dir, `import directory "${dir}"`)
  await requireDirectory(metadataRoot, `"${metadataRoot}"`)
  await requireDirectory(modelsRoot, `"${modelsRoot}"`)
  const files: LegacyFile[] = []
  for (const type of await subdirectories(metadataRoot)) {
    const modelType = typeDirectory(metadataRoot, type)
    for (const name of await readdir(join(metadataRoot, type))) {
      if (!name.endsWith('.json')) continue
      files.push(new LegacyFile(roots, type, modelType, name.slice(0, -'.json'.length)))
    }
  }
  const described = new Set(files.map(f => f.modelFile))
  for (const type of await subdirectories(modelsRoot)) {
    for (const name of await readdir(join(modelsRoot, type))) {
      const modelFile = join(modelsRoot, type, name)
      if (name.endsWith(MODEL_EXTENSION) && !described.has(modelFile)) {
        const stem = name.slice(0, -MODEL_EXTENSION.length)
        throw invalidInput(
          `${modelFile} has no metadata file ${join(metadataRoot, type, `${stem}.json`)}; add it or remove the model file`
        )
      }
    }
  }
  if (files.length === 0)
    throw invalidInput(`no metadata files (*.json) under ${metadataRoot}: nothing to import`)
  return files
}

export async function readLegacyFile(
  file: Pick<LegacyFile, 'metadataFile' | 'modelType' | 'stem'>,
  policy: RegistryPolicy
): Promise<{ record: LegacyRecord; digest: string }> {
  let bytes: Buffer
  try {
    bytes = await readFile(file.metadataFile)
  } catch (error) {
    throw invalidInput(`cannot read ${file.metadataFile}: ${(error as Error).message}`)
  }
  let raw: unknown
  try {
    raw = JSON.parse(bytes.toString('utf8'))
  } catch (error) {
    throw invalidInput(
      `${file.metadataFile}: invalid JSON (${(error as Error).message}); fix or remove the file`
    )
  }
  const record = readLegacyRecord(raw, {
    where: file.metadataFile,
    modelType: file.modelType,
    stem: file.stem,
    policy
  })
  return { record, digest: createHash('sha256').update(bytes).digest('hex') }
}

async function requireDirectory(path: string, what: string): Promise<void> {
  try {
    if ((await stat(path)).isDirectory()) return
  } catch {
    // reported below
  }
  throw invalidInput(
    `${what} is not a directory: give the root of the Python registry (it holds models/<model_type>/ and metadata/<model_type>/)`
  )
}

async function subdirectories(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true })
  return entries
    .filter(e => e.isDirectory())
    .map(e => e.name)
    .sort()
}

function typeDirectory(root: string, type: string): string {
  try {
    return parseModelType(type)
  } catch (error) {
    throw invalidInput(`${join(root, type)}: ${(error as Error).message}`)
  }
}
