/**
 * The registry the dashboard tests browse, made with the CLI as a user makes one: three models,
 * a directory version, a policy with a lower-is-better metric, hostile notes, and promotions on
 * either side of a remembered moment (for time travel).
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { modelFile, mreg } from './cli-harness.js'

export const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> & "quotes"'

/** `mreg ARGS` in `repo`, its stdout; a failure throws with its stderr. */
export async function mregOk(repo: string, args: string[]): Promise<string> {
  const result = await mreg(repo, args)
  if (result.code !== 0) throw new Error(`mreg ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/**
 * Fills `repo`: fraud 1.0.0–1.0.4 (1.0.3 in production, 1.0.1 deprecated, 1.0.2 with HOSTILE
 * notes and a parent), churn (1.0.0 in staging), embedder (a directory). `before` is a moment
 * when fraud@1.0.1 held production, before 1.0.3 took it.
 */
export async function fillDashboardRegistry(repo: string): Promise<{ before: string }> {
  const ok = (args: string[]) => mregOk(repo, args)
  await ok(['init'])
  await ok(['policy', 'set', 'metrics.latency_ms.lower_is_better', 'true'])
  const f1 = [0.8, 0.86, 0.9, 0.88, 0.93]
  const precision = [0.7, 0.79, 0.74, 0.81, 0.76]
  const latency = [12, 9, 11, 10, 13]
  for (const [i, score] of f1.entries()) {
    await ok([
      'register',
      await modelFile(repo, `fraud${i}.bin`, i + 1, 20_000),
      ...['--type', 'isolation_forest', '--name', 'fraud'],
      ...['--metric', `f1_score=${score}`, '--metric', `precision=${precision[i]}`],
      ...['--metric', `latency_ms=${latency[i]}`],
      ...(i % 2 ? ['--tag', 'high_recall'] : ['--tag', 'baseline']),
      ...(i === 2 ? ['--notes', HOSTILE, '--parent', 'fraud@1.0.1', '--dataset-version', 'txns-2026-11'] : [])
    ])
  }
  await ok(['register', await modelFile(repo, 'churn.bin', 9), '--type', 'xgboost', '--name', 'churn'])
  await ok(['register', await modelFile(repo, 'churn2.bin', 10), '--type', 'xgboost', '--name', 'churn'])
  const folder = join(repo, 'embedder')
  await mkdir(folder)
  await modelFile(folder, 'weights.bin', 11)
  await modelFile(folder, 'vocab.txt', 12, 100)
  await ok(['register', folder, '--type', 'onnx', '--name', 'embedder'])
  await ok(['promote', 'fraud@1.0.1', '--to', 'staging'])
  await ok(['promote', 'fraud@1.0.1', '--to', 'production'])
  await pause(1500)
  const before = new Date().toISOString()
  await pause(1500)
  await ok(['promote', 'fraud@1.0.3', '--to', 'staging'])
  await ok(['promote', 'fraud@1.0.3', '--to', 'production'])
  await ok(['promote', 'churn@1.0.0', '--to', 'staging'])
  return { before }
}
