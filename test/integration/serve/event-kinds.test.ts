/**
 * Every kind of change reaches the event stream, found by diffing only the version files whose
 * Git ids changed (layout 2): an edit of the notes alone (no derived row changes), a deletion,
 * an archiving, a promotion and a policy change, each once and in the order they landed.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { makeProjectRepo, modelFile, mreg, removeDir } from '../../support/cli-harness.js'
import { parseChange, serveRegistry, SseClient, type TestServer } from '../../support/serve.js'

let repo: string
let t: TestServer

async function ok(args: string[]): Promise<void> {
  const result = await mreg(repo, args)
  if (result.code !== 0) throw new Error(`mreg ${args.join(' ')}: ${result.stderr}`)
}

beforeAll(async () => {
  repo = await makeProjectRepo()
  await ok(['init'])
  for (let i = 0; i < 4; i++)
    await ok(['register', await modelFile(repo, `m${i}.bin`, i + 1), '--type', 'iforest', '--name', 'fraud'])
  t = await serveRegistry({ registry: repo, actor: 'tester' })
}, 120_000)

afterAll(async () => {
  await t?.close()
  await removeDir(repo)
})

test('edited, deleted, archived, stage-changed and policy-changed events, each once', async () => {
  const sse = await SseClient.open(`${t.server.url}/api/v1/events`)
  const expectNext = async (expected: Record<string, string>) =>
    expect(parseChange(await sse.next(10_000))).toMatchObject(expected)

  await ok(['edit', 'fraud@1.0.0', '--notes', 'retrained on March data'])
  await expectNext({ kind: 'edited', name: 'fraud', version: '1.0.0' })
  await ok(['delete', 'fraud@1.0.1'])
  await expectNext({ kind: 'deleted', name: 'fraud', version: '1.0.1' })
  await ok(['promote', 'fraud@1.0.2', '--to', 'staging'])
  await expectNext({ kind: 'stage-changed', name: 'fraud', version: '1.0.2', to: 'staging' })
  await ok(['promote', 'fraud@1.0.3', '--to', 'deprecated'])
  await expectNext({ kind: 'stage-changed', name: 'fraud', version: '1.0.3', to: 'deprecated' })
  await ok(['promote', 'fraud@1.0.3', '--to', 'archived'])
  await expectNext({ kind: 'archived', name: 'fraud', version: '1.0.3', to: 'archived' })
  await ok(['policy', 'set', 'retention.keep_last', '7'])
  await expectNext({ kind: 'policy-changed' })
  await expect(sse.next(1500)).rejects.toThrow('no event')
  sse.close()
}, 60_000)
