/** The definitions of promote, rollback, edit and policy; their actions are src/cli/run/*. */
import type { Command } from 'commander'
import { collect } from '../options.js'
import { lazy, type CliRuntime } from '../runtime.js'

/** Returns the `policy` command: its subcommands are configured with the others. */
export function defineStageCommands(program: Command, cli: CliRuntime): Command {
  program
    .command('promote')
    .description(
      'move a version to another stage (transition and gates checked; exclusive stages demote the old holder)'
    )
    .argument('<ref>', 'the version to promote')
    .option('--to <stage>', 'target stage (required)')
    .option('--stage <stage>', 'same as --to (the Action input name)')
    .action(lazy(cli, () => import('../run/promote.js')))

  program
    .command('rollback')
    .description('put back the version that held a stage before its current holder')
    .argument('<name>', 'the model')
    .option('--stage <stage>', 'the stage to roll back', 'production')
    .action(lazy(cli, () => import('../run/rollback.js')))

  program
    .command('edit')
    .description('change the mutable metadata of a version: tags and notes (one commit)')
    .argument('<ref>', 'the version')
    .option('--add-tag <tag>', 'add a tag (repeatable)', collect)
    .option('--remove-tag <tag>', 'remove a tag (repeatable)', collect)
    .option('--notes <text>', 'replace the notes ("" clears them)')
    .action(lazy(cli, () => import('../run/edit.js')))

  const policy = program.command('policy').description('show or change registry.json (the policy)')
  policy
    .command('show')
    .description('print registry.json as it is on the registry branch')
    .action(lazy(cli, async () => ({ run: (await import('../run/policy.js')).show })))
  policy
    .command('set')
    .description(
      'set one value of registry.json, checked against the schema and consistency rules first (one commit; a registry-policy pull request on GitHub)'
    )
    .argument('<key>', 'a JSON path, e.g. retention.keep_last or gates.production.min_metrics.f1_score')
    .argument('<value>', 'JSON (10, true, ["a","b"], {"metric":"f1"}), else taken as a string')
    .action(lazy(cli, async () => ({ run: (await import('../run/policy.js')).set })))
  return policy
}
