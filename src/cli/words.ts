/**
 * The CLI's words for a command's fields and commands (see FrontWords in src/domain/errors.ts):
 * an input is a flag or an argument, a command is what to type, with --github when in GitHub mode.
 */
import type { FrontWords } from '../domain/errors.js'

/** Fields whose flag is not `--<field>`, for every subcommand. */
const FLAGS: Record<string, string> = {
  'model-type': '--type',
  'model-path': 'FILE',
  reference: 'REF',
  config: '--config-file',
  'training-metadata': '--training-file',
  metrics: '--metric',
  'min-metrics': '--min',
  tags: '--tag',
  'registry-branch': '--branch'
}

/** Per subcommand: fields given under another flag there. */
const COMMAND_FLAGS: Record<string, Record<string, string>> = {
  promote: { stage: '--to' },
  rollback: { name: 'NAME' }
}

/** Global options that take a value: their value is not the subcommand's name. */
const VALUED_GLOBALS = new Set(['--registry', '--store', '--branch', '--github', '--api-url', '--server-url'])

/** The subcommand and the --github repository an argv names (before commander has parsed it). */
export function commandOf(argv: string[]): { command?: string; github?: string } {
  let github: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg.startsWith('--github=')) github = arg.slice('--github='.length)
    else if (VALUED_GLOBALS.has(arg)) {
      if (arg === '--github') github = argv[i + 1]
      i++
    } else if (!arg.startsWith('-')) return { command: arg, github }
  }
  return { github }
}

export function cliWords(command: string | undefined, github: string | undefined): FrontWords {
  const flag = (field: string, of = command): string =>
    (of === undefined ? undefined : COMMAND_FLAGS[of]?.[field]) ?? FLAGS[field] ?? `--${field}`
  return {
    field: field => flag(field),
    command: (name, inputs = {}) => {
      const words = ['mreg', ...(github ? ['--github', github] : []), name]
      for (const [field, value] of Object.entries(inputs)) {
        const option = flag(field, name)
        // Arguments (REF, NAME, FILE) are written as their value alone.
        words.push(...(option.startsWith('--') ? [option, value] : [value]))
      }
      return `'${words.join(' ')}'`
    }
  }
}
