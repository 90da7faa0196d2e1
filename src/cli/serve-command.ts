/** `mreg serve`: the HTTP read API over the registry the global options name; runs until SIGINT/SIGTERM. */
import type { Command } from 'commander'
import { invalidInput } from '../domain/errors.js'
import type { GlobalOptions } from './environment.js'
import type { CliIO } from './io.js'
import { nonNegativeNumber } from './options.js'
import { oneLine, safeLine } from './terminal.js'

export function addServeCommand(program: Command, io: CliIO, globals: () => GlobalOptions): void {
  program
    .command('serve')
    .description(
      'serve the registry over HTTP: JSON API (/api/v1, OpenAPI at /api/v1/openapi.json), artifact downloads, live events, /metrics'
    )
    .option('--port <n>', 'TCP port (0: any free port)', '8080')
    .option(
      '--host <address>',
      'address to bind; anything but loopback needs --token or --public',
      '127.0.0.1'
    )
    .option('--token <token>', 'bearer token clients must send (env MREG_SERVE_TOKEN)')
    .option('--public', 'serve without a token on a non-loopback address')
    .option('--cors <origin>', 'allow this browser origin (CORS is off otherwise)')
    .option(
      '--poll-interval <seconds>',
      'how often to look for a new registry tip (default 1 locally, 15 on GitHub)'
    )
    .action(
      async (o: {
        port: string
        host: string
        token?: string
        public?: boolean
        cors?: string
        pollInterval?: string
      }) => {
        if (!/^\d{1,5}$/.test(o.port) || Number(o.port) > 65535)
          throw invalidInput(`--port must be 0–65535, got "${o.port}"`)
        const interval =
          o.pollInterval === undefined
            ? undefined
            : nonNegativeNumber(o.pollInterval, '--poll-interval') * 1000
        // Loaded when serving: no other command pays for the server, its metrics or the registry wiring.
        const [{ openFromCli }, { startServer }] = await Promise.all([
          import('./environment.js'),
          import('../serve/server.js')
        ])
        const opened = await openFromCli(globals(), io, false, interval)
        const server = await startServer(opened, {
          host: o.host,
          port: Number(o.port),
          token: o.token ?? (io.env.MREG_SERVE_TOKEN || undefined),
          public: o.public,
          cors: o.cors,
          webhookSecret: io.env.MREG_WEBHOOK_SECRET || undefined,
          log: line => io.stderr(`mreg serve: ${safeLine(oneLine(line))}\n`)
        })
        io.stderr(`mreg serve: listening on ${server.url} (registry ${opened.context.backend.description})\n`)
        await new Promise<void>(resolve => {
          const stop = () => resolve()
          process.once('SIGINT', stop)
          process.once('SIGTERM', stop)
        })
        await server.close()
      }
    )
}
