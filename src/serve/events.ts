/**
 * The live event stream: one watcher of the registry branch (src/commands/watch.ts) feeds every
 * connected client as Server-Sent Events. Event ids are `<commit>.<n>`, so a client that comes
 * back with Last-Event-ID gets what it missed — from the recent events kept in memory, or, after
 * a restart of the server, by diffing the registry from that commit to the current tip.
 */
import type { ServerResponse } from 'node:http'
import { changesBetween, type RegistryChange } from '../commands/changes.js'
import type { CommandContext } from '../commands/context.js'
import { currentTip, watchChanges, type TipHint } from '../commands/watch.js'

const KEEP = 1000
const KEEPALIVE_MS = 15_000
const EVENT_ID = /^([0-9a-f]{40})\.(\d{1,6})$/

export class EventHub {
  private readonly recent: RegistryChange[] = []
  private readonly clients = new Set<ServerResponse>()
  private readonly abort = new AbortController()
  private tip: string | null = null
  private readonly keepalive: NodeJS.Timeout
  private loop: Promise<void> | null = null

  constructor(
    private readonly ctx: CommandContext,
    private readonly hints: TipHint & { poke(): void; close(): void },
    private readonly onError: (error: unknown) => void,
    private readonly onTip: (commit: string) => void = () => {}
  ) {
    this.keepalive = setInterval(() => {
      for (const client of this.clients) client.write(': keepalive\n\n')
    }, KEEPALIVE_MS)
    this.keepalive.unref()
  }

  async start(): Promise<void> {
    this.tip = await currentTip(this.ctx).catch(() => null)
    if (this.tip) this.onTip(this.tip)
    const since = this.tip ?? undefined
    this.loop = (async () => {
      const changes = watchChanges(this.ctx, this.hints, {
        since,
        signal: this.abort.signal,
        onError: this.onError,
        onTip: commit => {
          this.tip = commit
          this.onTip(commit)
        }
      })
      for await (const change of changes) this.publish(change)
    })().catch(this.onError)
  }

  get clientCount(): number {
    return this.clients.size
  }

  async subscribe(res: ServerResponse, lastEventId: string | undefined): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no'
    })
    res.write('retry: 1000\n: connected\n\n')
    res.socket?.setNoDelay(true)
    if (lastEventId !== undefined) for (const change of await this.missed(lastEventId)) send(res, change)
    this.clients.add(res)
    res.on('close', () => this.clients.delete(res))
  }

  /** A hint from outside (a verified webhook): look at the tip now. */
  poke(): void {
    this.hints.poke()
  }

  private publish(change: RegistryChange): void {
    this.recent.push(change)
    if (this.recent.length > KEEP) this.recent.splice(0, this.recent.length - KEEP)
    for (const client of this.clients) send(client, change)
  }

  private async missed(lastEventId: string): Promise<RegistryChange[]> {
    const at = this.recent.findIndex(c => c.id === lastEventId)
    if (at >= 0) return this.recent.slice(at + 1)
    const match = EVENT_ID.exec(lastEventId.trim())
    if (!match || this.tip === null) return []
    const [, commit, n] = match as unknown as [string, string, string]
    try {
      // The rest of that commit's changes, then everything after it up to the tip this hub has told.
      const [parent] = (await this.ctx.backend.parents?.(commit)) ?? []
      const own = parent ? await changesBetween(this.ctx.backend, parent, commit) : []
      const later = commit === this.tip ? [] : await changesBetween(this.ctx.backend, commit, this.tip)
      return [...own.filter(c => Number(c.id.split('.')[1]) > Number(n)), ...later]
    } catch {
      // An id from another registry or a rewritten branch: nothing to resume from.
      return []
    }
  }

  async close(): Promise<void> {
    this.abort.abort()
    this.hints.close()
    clearInterval(this.keepalive)
    for (const client of this.clients) client.end()
    this.clients.clear()
    await this.loop
  }
}

function send(res: ServerResponse, change: RegistryChange): void {
  res.write(`id: ${change.id}\nevent: ${change.kind}\ndata: ${JSON.stringify(change)}\n\n`)
}
