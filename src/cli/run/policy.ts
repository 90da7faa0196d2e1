import { setPolicy, showPolicy } from '../../commands/policy.js'
import { renderPolicySet } from '../render/edits.js'
import type { CliRuntime } from '../runtime.js'

export async function show(cli: CliRuntime): Promise<void> {
  const outcome = await showPolicy(await cli.context())
  cli.emit(outcome, o => JSON.stringify(o.policy, null, 2), outcome.policy)
}

export async function set(cli: CliRuntime, key: string, value: string): Promise<void> {
  cli.emit(await setPolicy(await cli.context(), { key, value }), renderPolicySet)
}
