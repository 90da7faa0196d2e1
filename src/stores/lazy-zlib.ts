/**
 * node:zlib, loaded on first use. Most commands never deflate or gunzip anything (reads inflate
 * Git objects through git cat-file or isomorphic-git), and loading zlib costs every command's
 * start-up (docs/ARCHITECTURE.md, "Loading the CLI"). require, not import(): the CLI runs as a
 * vm.Script (src/cli/launcher.ts), which has no module loader for import().
 */
import { createRequire } from 'node:module'

let loaded: typeof import('node:zlib') | undefined

export function zlib(): typeof import('node:zlib') {
  return (loaded ??= createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib'))
}
