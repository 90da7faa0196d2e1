/**
 * migrate on a registry written by the previous layout's CLI (test/fixtures/v1-registry.bundle,
 * see test/fixtures/README.md): other commands refuse it in one line, migrate upgrades it in one
 * commit without changing any version's data, a second run does nothing, and the result is what
 * the version files derive to (doctor) and git's own fsck accepts.
 */
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { CATALOG_PATH, versionFilePath } from '../../../src/domain/layout.js'
import type { ModelIndex, ModelVersion } from '../../../src/domain/types.js'
import { gitOutput, makeProjectRepo, mreg, mregJson, removeDir } from '../../support/cli-harness.js'

const BUNDLE = resolve('test/fixtures/v1-registry.bundle')
const BRANCH = 'model-registry'

let repo: string
let v1Indexes: Map<string, ModelIndex>

beforeAll(async () => {
  repo = await makeProjectRepo()
  gitOutput(repo, 'fetch', '-q', BUNDLE, `${BRANCH}:${BRANCH}`)
  v1Indexes = new Map()
  for (const name of ['forecaster', 'theft-detector']) {
    v1Indexes.set(
      name,
      JSON.parse(gitOutput(repo, 'show', `${BRANCH}:models/${name}/index.json`)) as ModelIndex
    )
  }
})

afterAll(async () => {
  await removeDir(repo)
})

const tip = () => gitOutput(repo, 'rev-parse', BRANCH)

describe('mreg migrate', () => {
  test('commands on a layout 1 registry say in one line that it needs migrate, and change nothing', async () => {
    const before = tip()
    await writeFile(join(repo, 'model.pkl'), 'bytes')
    for (const args of [
      ['list'],
      ['show', 'theft-detector@production'],
      ['register', join(repo, 'model.pkl'), '--type', 'isolation_forest', '--name', 'theft-detector'],
      ['promote', 'theft-detector@1.0.3', '--to', 'production']
    ]) {
      const result = await mreg(repo, args)
      expect(result.code).toBe(1)
      expect(result.stderr).toBe(
        "mreg: this registry branch is in layout 1 (models/<name>/index.json); run 'mreg migrate' to upgrade it to layout 2\n"
      )
    }
    expect(tip()).toBe(before)
  })

  test('--dry-run says what would change and changes nothing', async () => {
    const before = tip()
    const result = await mreg(repo, ['migrate', '--dry-run'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      /^Dry run: would migrate layout 1 → 2 \(2 models, 7 versions, \d+ files\); nothing changed\n$/
    )
    expect(tip()).toBe(before)
  })

  test('migrate upgrades in one commit and keeps every version document but its path', async () => {
    const before = tip()
    const outcome = await mregJson<{ from: number; changed: boolean; versions: number; commit: string }>(
      repo,
      ['migrate']
    )
    expect(outcome).toMatchObject({ from: 1, changed: true, versions: 7 })
    expect(gitOutput(repo, 'rev-parse', `${BRANCH}^`)).toBe(before)
    expect(gitOutput(repo, 'log', '-1', '--format=%s', BRANCH)).toBe(
      'migrate registry to layout 2 (2 models, 7 versions)'
    )
    const files = gitOutput(repo, 'ls-tree', '-r', '--name-only', BRANCH).split('\n')
    expect(files.filter(f => f.endsWith('index.json'))).toEqual([])
    expect(files).toContain(CATALOG_PATH)
    for (const [name, index] of v1Indexes) {
      for (const old of index.versions) {
        const path = versionFilePath(name, old.version)
        const now = JSON.parse(gitOutput(repo, 'show', `${BRANCH}:${path}`)) as ModelVersion
        expect(now).toEqual({ ...old, metadata_path: path })
        expect(files).not.toContain(`models/${name}/${old.version}.json`)
      }
    }
    expect(() => gitOutput(repo, 'fsck', '--strict', '--no-dangling')).not.toThrow()
  })

  test('after migrate, reads answer as before and doctor finds the derived files consistent', async () => {
    const listed = await mregJson<ModelVersion[]>(repo, ['list', '--include-archived'])
    expect(listed.map(v => `${v.name}@${v.version}:${v.deployment_stage}`)).toEqual([
      'forecaster@2.0.0:development',
      'forecaster@1.0.0:development',
      'theft-detector@1.0.4:development',
      'theft-detector@1.0.3:staging',
      'theft-detector@1.0.2:production',
      'theft-detector@1.0.1:archived',
      'theft-detector@1.0.0:archived'
    ])
    const production = await mregJson<ModelVersion>(repo, ['show', 'theft-detector@production'])
    expect(production.version).toBe('1.0.2')
    const doctor = await mreg(repo, ['--json', 'doctor'])
    const findings = (JSON.parse(doctor.stdout) as { findings: { kind: string }[] }).findings
    // The bundle carries no artifacts: those are reported missing, and nothing else is wrong.
    expect(findings.length).toBeGreaterThan(0)
    expect(findings.filter(f => f.kind !== 'missing-artifact')).toEqual([])
  })

  test('a second migrate does nothing', async () => {
    const before = tip()
    const result = await mreg(repo, ['migrate'])
    expect(result).toMatchObject({ code: 0, stdout: 'Already in layout 2: nothing to migrate\n' })
    expect(tip()).toBe(before)
  })

  test('the migrated registry takes new registrations and promotions', async () => {
    await writeFile(join(repo, 'model.pkl'), 'new bytes')
    const registered = await mregJson<ModelVersion>(repo, [
      'register',
      join(repo, 'model.pkl'),
      '--type',
      'isolation_forest',
      '--name',
      'theft-detector'
    ])
    // 1.0.5 was registered and deleted before: the highest existing version is 1.0.4.
    expect(registered.version).toBe('1.0.5')
    // The fixture is metadata only: promoting into production verifies the artifact first, so a
    // version written before the migration is refused and the new one (whose bytes exist) goes.
    const refusedPromotion = await mreg(repo, ['promote', 'theft-detector@1.0.3', '--to', 'production'])
    expect(refusedPromotion.code).toBe(3)
    expect(refusedPromotion.stderr).toContain('missing from the store')
    await mregJson<ModelVersion>(repo, ['promote', 'theft-detector@1.0.5', '--to', 'staging'])
    const promoted = await mregJson<ModelVersion>(repo, [
      'promote',
      'theft-detector@1.0.5',
      '--to',
      'production'
    ])
    expect(promoted.deployment_stage).toBe('production')
    const demoted = await mregJson<ModelVersion>(repo, ['show', 'theft-detector@1.0.2'])
    expect(demoted.deployment_stage).toBe('deprecated')
    const doctor = JSON.parse((await mreg(repo, ['--json', 'doctor'])).stdout) as {
      findings: { kind: string }[]
    }
    expect(doctor.findings.filter(f => f.kind !== 'missing-artifact')).toEqual([])
  })
})
