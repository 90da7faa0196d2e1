/**
 * What mreg prints is safe to print (issue 11, known defects 9 and 10): text from the registry
 * with ANSI escapes, carriage returns or bidirectional overrides is shown escaped by show, list
 * and list --csv (and CSV cells that a spreadsheet would run as formulas are neutralised), while
 * --json keeps the data exactly; every error and notice is one line.
 */
import { beforeAll, describe, expect, test } from '@jest/globals'
import { commandContext } from '../../../src/cli/environment.js'
import type { ModelVersion } from '../../../src/domain/types.js'
import { modelFile, mreg, mregJson, projectRegistry } from '../../support/cli-harness.js'

const project = projectRegistry()

// retitles the window, clears the screen, returns the cursor to overwrite the line, reverses text
const NOTES = 'fine\u001b]0;pwned\u0007\u001b[2J\rOVERWRITTEN \u202eevil'
const DATASET = '\u001b[31mred\u001b[0m'
const FORMULA = '=HYPERLINK("http://attacker.example/","click")'

beforeAll(async () => {
  const file = await modelFile(project.work, 'm.bin', 5)
  const args = ['register', file, '--type', 'detector', '--metric', 'loss=-0.5']
  expect((await mreg(project.repo, [...args, '--notes', NOTES, '--dataset-version', DATASET])).code).toBe(0)
  expect(
    (await mreg(project.repo, [...args, '--notes', FORMULA, '--dataset-version', '@SUM(A1)'])).code
  ).toBe(0)
})

/** Bytes a terminal acts on: C0 controls but tab and newline, DEL, C1, bidi overrides. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

describe('registry text with control characters', () => {
  test('show prints the notes and dataset escaped', async () => {
    const result = await mreg(project.repo, ['show', 'detector@1.0.0'])
    expect(result.code).toBe(0)
    expect(result.stdout).not.toMatch(TERMINAL_CONTROL)
    expect(result.stdout).toContain('fine\\x1b]0;pwned\\x07\\x1b[2J\\rOVERWRITTEN \\u202eevil')
    expect(result.stdout).toContain('\\x1b[31mred\\x1b[0m')
  })

  test('list prints no control characters', async () => {
    const result = await mreg(project.repo, ['list'])
    expect(result.code).toBe(0)
    expect(result.stdout).not.toMatch(TERMINAL_CONTROL)
  })

  test('list --csv escapes control characters, stays parseable and neutralises formulas', async () => {
    const result = await mreg(project.repo, ['list', '--csv'])
    expect(result.code).toBe(0)
    expect(result.stdout).not.toMatch(TERMINAL_CONTROL)
    const lines = result.stdout.trim().split('\n')
    expect(lines).toHaveLength(3) // header and two versions: no cell broke a row
    const header = (lines[0] as string).split(',')
    const formulaRow = lines.find(line => line.includes('HYPERLINK')) as string
    expect(formulaRow).toContain(`"'=HYPERLINK(""http://attacker.example/"",""click"")"`)
    expect(formulaRow).toContain(",'@SUM(A1),")
    // numbers are data, not formulas: a negative metric keeps its sign
    expect(header[header.length - 1]).toBe('loss')
    expect(formulaRow.endsWith(',-0.5')).toBe(true)
  })

  test('--json keeps the text exactly as registered', async () => {
    const version = await mregJson<ModelVersion>(project.repo, ['show', 'detector@1.0.0'])
    expect(version.notes).toBe(NOTES)
    expect(version.dataset_version).toBe(DATASET)
  })

  test('an error echoing user input is one line without control characters', async () => {
    const result = await mreg(project.repo, ['show', 'detector@\u001b[2J1.0.0\nforged line'])
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).not.toMatch(TERMINAL_CONTROL)
  })
})

describe('one line per message', () => {
  test('a usage error is one line with the help hint', async () => {
    const result = await mreg(project.repo, ['list', '--colour'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe("mreg: unknown option '--colour' (run with --help for usage)\n")
  })

  test('a notice carrying a multi-line message (as isomorphic-git writes them) is one line', async () => {
    let stderr = ''
    const ctx = await commandContext(
      { registry: project.repo },
      {
        stdout: () => undefined,
        stderr: text => void (stderr += text),
        drained: () => Promise.resolve(),
        env: { MREG_ACTOR: 'tester' },
        interactive: false
      }
    )
    ctx.notice?.('auto cleanup failed (the registration itself succeeded): Could not find x.\n  at line 2')
    expect(stderr).toBe(
      'mreg: auto cleanup failed (the registration itself succeeded): Could not find x. at line 2\n'
    )
  })
})
