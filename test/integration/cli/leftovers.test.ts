/**
 * Temp files a killed process left are found and swept (issue 11, known defect 6): doctor reports
 * them, cleanup removes them once their writer is dead or the orphan grace period has passed, and
 * a fetch removes the stale temp files an interrupted fetch left beside its destination.
 * (killed-register.test.ts kills real registrations and checks the same end state.)
 */
import { beforeAll, expect, test } from '@jest/globals'
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { modelFile, mreg, mregJson, projectRegistry } from '../../support/cli-harness.js'

const project = projectRegistry()
let store: string

beforeAll(async () => {
  store = join(project.repo, '.git', 'mreg', 'objects')
  expect(
    (await mreg(project.repo, ['register', await modelFile(project.work, 'm.bin', 1), '--type', 'detector']))
      .code
  ).toBe(0)
})

const twoHoursAgo = () => new Date(Date.now() - 2 * 3_600_000)

interface Doctor {
  healthy: boolean
  findings: { kind: string; severity: string; subject: string; message: string }[]
}

test('a stale temp file in the store: doctor warns about it, cleanup sweeps it, a fresh one stays', async () => {
  await mkdir(join(store, 'tmp'), { recursive: true })
  const stale = join(store, 'tmp', 'put-killed.tmp')
  const fresh = join(store, 'tmp', 'put-writing.tmp')
  await writeFile(stale, Buffer.alloc(1000))
  await writeFile(fresh, Buffer.alloc(10))
  await utimes(stale, twoHoursAgo(), twoHoursAgo())

  const doctor = await mregJson<Doctor>(project.repo, ['doctor'])
  expect(doctor.healthy).toBe(true) // leftovers are warnings, not problems
  expect(doctor.findings).toEqual([
    {
      kind: 'orphan-object',
      severity: 'warning',
      subject: stale,
      message: "temporary file (1000 bytes) left by an interrupted write; 'mreg cleanup' sweeps it"
    }
  ])
  const human = await mreg(project.repo, ['doctor'])
  expect(human.stdout).toMatch(/^Healthy, with warnings/)

  const cleaned = await mregJson<{ swept: { label: string; size: number }[] }>(project.repo, ['cleanup'])
  expect(cleaned.swept).toEqual([expect.objectContaining({ label: stale, size: 1000 })])
  expect(await readdir(join(store, 'tmp'))).toEqual(['put-writing.tmp'])
  expect((await mregJson<Doctor>(project.repo, ['doctor'])).findings).toEqual([])
})

test('fetch removes stale temp files an interrupted fetch left beside --out, not fresh or foreign ones', async () => {
  const out = join(project.work, 'serving')
  await mkdir(out)
  const [version] = await mregJson<{ artifact: { file_name: string } }[]>(project.repo, ['list'])
  const name = (version as { artifact: { file_name: string } }).artifact.file_name
  const stale = join(out, `.${name}.mreg-0123456789abcdef.tmp`)
  const fresh = join(out, `.${name}.mreg-fedcba9876543210.tmp`)
  const foreign = join(out, '.other.bin.mreg-0123456789abcdef.tmp')
  for (const path of [stale, fresh, foreign]) await writeFile(path, 'partial')
  for (const path of [stale, foreign]) await utimes(path, twoHoursAgo(), twoHoursAgo())

  const result = await mreg(project.repo, ['fetch', 'detector@latest', '--out', out])
  expect(result.code).toBe(0)
  expect(result.stderr).toMatch(/removed 1 temporary file/)
  expect((await readdir(out)).sort()).toEqual(
    [`.${name}.mreg-fedcba9876543210.tmp`, '.other.bin.mreg-0123456789abcdef.tmp', name].sort()
  )
})
