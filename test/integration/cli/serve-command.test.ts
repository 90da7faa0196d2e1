/** `mreg serve`'s bad input: one line naming the flag, exit 2, nothing started. */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { makeProjectRepo, mreg, removeDir } from '../../support/cli-harness.js'

let repo: string

beforeAll(async () => {
  repo = await makeProjectRepo()
  expect((await mreg(repo, ['init'])).code).toBe(0)
})

afterAll(async () => removeDir(repo))

test.each([
  [['serve', '--host', '0.0.0.0'], /--host 0\.0\.0\.0 exposes the registry .*--token .*--public/],
  [['serve', '--port', '99999'], /--port must be 0–65535, got "99999"/],
  [['serve', '--poll-interval', 'soon'], /--poll-interval must be a number ≥ 0, got "soon"/],
  [['fetch', 'x@latest', '--out', 'x', '--interval', '5'], /--interval and --exec go with --watch/]
])('mreg %j', async (args, message) => {
  const result = await mreg(repo, args)
  expect(result.code).toBe(2)
  expect(result.stderr).toMatch(message)
  expect(result.stderr.trim().split('\n')).toHaveLength(1)
})
