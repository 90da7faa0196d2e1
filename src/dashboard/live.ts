/**
 * Live updates: the server's event stream (/api/v1/events) read with fetch rather than
 * EventSource, because EventSource cannot send the bearer token a --token server wants. On a
 * dropped connection it comes back after the server's `retry:` delay with Last-Event-ID, so
 * nothing that happened meanwhile is missed (src/serve/events.ts replays it).
 */
import { createParser } from 'eventsource-parser'
import type { RegistryChange } from '../domain/shapes.js'
import { authHeaders } from './api.js'

export type { RegistryChange }

export type LiveState = 'connecting' | 'live' | 'offline'

export interface LiveHandlers {
  change(change: RegistryChange): void
  state(state: LiveState): void
}

export function followEvents(handlers: LiveHandlers, signal: AbortSignal): void {
  let lastId: string | undefined
  let retryMs = 1000
  const parser = createParser({
    onEvent: message => {
      if (message.id) lastId = message.id
      try {
        handlers.change(JSON.parse(message.data) as RegistryChange)
      } catch {
        // A malformed event is skipped, not fatal: the next one carries on.
      }
    },
    onRetry: ms => (retryMs = Math.min(Math.max(ms, 500), 30_000))
  })
  const connect = async (): Promise<void> => {
    handlers.state('connecting')
    const headers: Record<string, string> = { accept: 'text/event-stream', ...authHeaders() }
    if (lastId) headers['last-event-id'] = lastId
    const res = await fetch('/api/v1/events', { headers, signal, cache: 'no-store' })
    if (!res.ok || !res.body) throw new Error(`event stream answered ${res.status}`)
    handlers.state('live')
    parser.reset()
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      parser.feed(value)
    }
  }
  const loop = async (): Promise<void> => {
    while (!signal.aborted) {
      await connect().catch(() => {})
      if (signal.aborted) return
      handlers.state('offline')
      await new Promise(resolve => setTimeout(resolve, retryMs))
    }
  }
  void loop()
}
