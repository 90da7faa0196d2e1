/**
 * Prometheus metrics of `mreg serve` (prom-client, its own registry, not the global one):
 * versions per model and stage and the registry tip's age are read from the registry at scrape
 * time; requests, latencies, bytes served and verification failures are counted as they happen.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { CommandContext } from '../commands/context.js'
import { listModels } from '../commands/models.js'

export class ServeMetrics {
  readonly registry = new Registry()
  readonly requests: Counter<'route' | 'method' | 'status'>
  readonly latency: Histogram<'route' | 'method'>
  readonly bytesServed: Counter
  readonly verificationFailures: Counter
  readonly sseClients: Gauge
  private tipTime: Date | null = null

  constructor(ctx: CommandContext, clients: () => number) {
    const registers = [this.registry]
    this.requests = new Counter({
      name: 'mreg_http_requests_total',
      help: 'HTTP requests answered, by route template, method and status',
      labelNames: ['route', 'method', 'status'],
      registers
    })
    this.latency = new Histogram({
      name: 'mreg_http_request_duration_seconds',
      help: 'Time to answer a request (for streams: to the end of the body), by route template',
      labelNames: ['route', 'method'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers
    })
    this.bytesServed = new Counter({
      name: 'mreg_artifact_bytes_served_total',
      help: 'Artifact bytes sent to clients',
      registers
    })
    this.verificationFailures = new Counter({
      name: 'mreg_artifact_verification_failures_total',
      help: 'Artifact downloads refused or cut because the bytes did not match the recorded SHA-256',
      registers
    })
    this.sseClients = new Gauge({
      name: 'mreg_event_stream_clients',
      help: 'Clients connected to /api/v1/events',
      registers,
      collect() {
        this.set(clients())
      }
    })
    const versions = new Gauge({
      name: 'mreg_versions',
      help: 'Versions per model and stage',
      labelNames: ['model', 'stage'],
      registers,
      async collect() {
        this.reset()
        for (const model of await listModels(ctx)) {
          for (const [stage, holders] of Object.entries(model.stages)) {
            this.set({ model: model.name, stage }, holders.length)
          }
        }
      }
    })
    void versions
    const tipTime = () => this.tipTime
    new Gauge({
      name: 'mreg_registry_tip_age_seconds',
      help: 'Seconds since the commit at the registry branch tip was made',
      registers,
      collect() {
        const time = tipTime()
        if (time) this.set((ctx.now().getTime() - time.getTime()) / 1000)
      }
    })
  }

  /** The tip moved: remember when its commit was made. */
  async tipMoved(ctx: CommandContext): Promise<void> {
    const [entry] = await ctx.backend.log({ limit: 1 })
    if (entry) this.tipTime = new Date(entry.author.timestamp)
  }
}
