/**
 * Building a large registry by direct object writes, for the scale benchmark's many-models
 * registry at 100,000 versions: importing 100,000 legacy files for both shapes takes longer than a
 * benchmark run can spend on this shared machine (the import's own time and memory at that size
 * are measured on the one-model registry, bench/support/scale-measure.ts). The
 * documents are what `mreg import` makes of the same generated legacy metadata — the same pure
 * functions (readLegacyRecord, importedVersion in src/domain/legacy.ts) — and the derived files
 * are what src/domain/layout.ts derives from them, serialised as every commit serialises JSON;
 * only the writing differs: one `git fast-import` commit on the registry branch instead of one
 * commit per batch. Every version points at one artifact, stored by a real `mreg register`
 * (content addressing: identical bytes are one object), so `fetch` verifies real bytes.
 */
import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { once } from 'node:events'
import { headPath, versionFilePath, type ModelHead } from '../../src/domain/layout.js'
import { deriveCatalog, deriveModelFiles } from '../../src/domain/model-head.js'
import { importedVersion, readLegacyRecord } from '../../src/domain/legacy.js'
import type { ModelVersion, RegistryPolicy } from '../../src/domain/types.js'
import { serialiseJson } from '../../src/registry/tree-writer.js'
import { legacyMetadata, legacyRegistryVersions } from '../../test/support/legacy-registry.js'
import { git, runMeasured, type BenchEnv } from './harness.js'

const REGISTRY_REF = 'refs/heads/model-registry'

export interface DirectBuild {
  ms: number
  versions: number
}

export async function buildDirect(
  env: BenchEnv,
  repo: string,
  spec: { models: string[]; versionsPerModel: number }
): Promise<DirectBuild> {
  const t0 = performance.now()
  // The one artifact every version records, stored the way every registration stores bytes.
  const file = join(env.tmp, 'direct-artifact.pkl')
  await writeFile(file, 'bench artifact shared by the directly written versions\n')
  const stored = await runMeasured(
    process.execPath,
    [env.cli, '--registry', repo, '--json', 'register', file, '--type', 'bench_artifact'],
    { cwd: repo }
  )
  if (stored.code !== 0)
    throw new Error(`mreg register of the shared artifact failed: ${stored.stderr.trim()}`)
  const template = JSON.parse(stored.stdout) as ModelVersion
  const policyText = git(repo, 'show', `${REGISTRY_REF}:registry.json`)
  const policy = JSON.parse(policyText) as RegistryPolicy
  const at = new Date().toISOString()

  const byModel = new Map<string, ModelVersion[]>()
  for (const v of legacyRegistryVersions(spec)) {
    const where = `metadata/${v.model_type}/${v.model_id}.json`
    const record = readLegacyRecord(legacyMetadata(v, template.checksum), {
      where,
      modelType: v.model_type,
      stem: v.model_id,
      policy
    })
    // One production holder per model and staging not exclusive: no import demotes anything here.
    const doc = importedVersion(
      record,
      {
        stage: record.deployment_stage,
        artifact: template.artifact,
        filePath: template.file_path,
        actor: 'bench',
        at,
        source: {}
      },
      where
    )
    const docs = byModel.get(doc.name) ?? []
    docs.push(doc)
    byModel.set(doc.name, docs)
  }

  const importer = spawn('git', ['fast-import', '--quiet'], { cwd: repo, stdio: ['pipe', 'inherit', 'pipe'] })
  let stderr = ''
  importer.stderr.on('data', chunk => (stderr += chunk))
  const write = async (text: string | Buffer) => {
    if (!importer.stdin.write(text)) await once(importer.stdin, 'drain')
  }
  const file_ = async (path: string, data: Buffer) => {
    await write(`M 100644 inline ${path}\ndata ${data.length}\n`)
    await write(data)
    await write('\n')
  }
  const message = Buffer.from(
    `bench: ${spec.models.length * spec.versionsPerModel} versions written directly\n`
  )
  const seconds = Math.floor(Date.now() / 1000)
  await write(`commit ${REGISTRY_REF}\ncommitter bench <bench@localhost> ${seconds} +0000\n`)
  await write(`data ${message.length}\n`)
  await write(message)
  await write(`from ${REGISTRY_REF}^0\ndeleteall\n`)
  await file_('registry.json', Buffer.from(policyText + '\n'))
  const heads: ModelHead[] = []
  let versions = 0
  for (const [name, docs] of byModel) {
    for (const doc of docs) await file_(versionFilePath(name, doc.version), serialiseJson(doc))
    versions += docs.length
    for (const [path, derived] of deriveModelFiles(name, docs)) {
      await file_(path, serialiseJson(derived))
      if (path === headPath(name)) heads.push(derived as ModelHead)
    }
  }
  await file_('catalog.json', serialiseJson(deriveCatalog(heads)))
  await write('done\n')
  importer.stdin.end()
  const [code] = (await once(importer, 'close')) as [number]
  if (code !== 0) throw new Error(`git fast-import exited ${code}: ${stderr.trim()}`)
  return { ms: performance.now() - t0, versions }
}
