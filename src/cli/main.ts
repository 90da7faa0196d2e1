#!/usr/bin/env node
/** Entry point of the mreg binary (bundled to dist/cli.js). */
import { processIO } from './io.js'
import { runCli } from './program.js'

process.exitCode = await runCli(process.argv.slice(2), processIO())
