/**
 * The definitions of compare, history, delete, cleanup, check, apply, import, doctor and
 * migrate; their actions are src/cli/run/*.
 */
import type { Command } from 'commander'
import { DEFAULT_BATCH } from '../../commands/import-batch.js'
import { lazy, type CliRuntime } from '../runtime.js'

export function defineAuditCommands(program: Command, cli: CliRuntime): void {
  program
    .command('compare')
    .description('compare versions side by side: metrics, deltas against the first, best per metric')
    .argument('<refs...>', 'two or more versions')
    .action(lazy(cli, () => import('../run/compare.js')))

  program
    .command('history')
    .description(
      "a version's or a model's audit trail from the registry branch; --at: what held each stage then"
    )
    .argument('<target>', 'NAME@VERSION, a model_id, or a model NAME')
    .option('--at <time>', 'ISO time, or relative: 3d, 12h, 30m ago')
    .action(lazy(cli, () => import('../run/history.js')))

  program
    .command('delete')
    .description('delete a version and its artifact (protected stages need --force)')
    .argument('<ref>', 'the version')
    .option('--force', 'delete even from a protected stage (production, canary, staging, shadow)')
    .action(lazy(cli, () => import('../run/delete.js')))

  program
    .command('cleanup')
    .description('retention: keep the last N versions per model, never touch protected stages')
    .option('--keep-last <n>', 'versions to keep per model (default: registry.json retention.keep_last)')
    .option('--min-age-days <days>', 'never delete versions younger than this')
    .option('--dry-run', 'print the plan, change nothing')
    .action(lazy(cli, () => import('../run/cleanup.js')))

  program
    .command('check')
    .description(
      'policy check of a change to the registry branch, BASE → HEAD: immutable fields, transitions, gates, index, policy edits (exit 1 when it fails)'
    )
    .argument('<base>', 'the commit (or branch) the change is judged against')
    .argument('<head>', 'the proposed commit (or branch), e.g. mreg/promote/NAME/VERSION-to-STAGE')
    .option(
      '--pull <number>',
      'the pull request (GitHub): approvals and labels come from it, the verdict is posted'
    )
    .action(lazy(cli, () => import('../run/check.js')))

  program
    .command('apply')
    .description(
      'what moved between two commits of the registry branch (after a push): stage changes, and those not through a merged pull request'
    )
    .argument('<before>', 'the branch tip before (a commit or ref; 0000… for a new branch)')
    .argument('<after>', 'the branch tip after')
    .action(lazy(cli, () => import('../run/apply.js')))

  program
    .command('import')
    .description(
      'import the Python registry this replaces from its directory (models/<type>/<id>.pkl, metadata/<type>/<id>.json), every SHA-256 verified'
    )
    .argument('<dir>', 'the Python registry root (holds models/ and metadata/)')
    .option('--dry-run', 'check every file and checksum, print the summary, change nothing')
    .option('--batch <n>', 'versions per commit', String(DEFAULT_BATCH))
    .action(lazy(cli, () => import('../run/import.js')))

  program
    .command('doctor')
    .description('check indexes against version files and every artifact against its SHA-256')
    .action(lazy(cli, () => import('../run/doctor.js')))

  program
    .command('migrate')
    .description('upgrade a layout 1 registry branch to layout 2 in one commit (idempotent)')
    .option('--dry-run', 'say what would change, change nothing')
    .action(lazy(cli, () => import('../run/migrate.js')))
}
