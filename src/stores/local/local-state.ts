/**
 * Small facts this machine remembers between commands (when the last cleanup ran), kept
 * beside the local store and out of the registry branch: they are not part of the audit trail.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { LocalState } from '../artifact-store.js'
import { writeFileAtomic } from '../atomic-file.js'

export class LocalStateFiles implements LocalState {
  constructor(private readonly dir: string) {}

  async read(key: string): Promise<string | null> {
    try {
      return (await readFile(this.path(key), 'utf8')).trim()
    } catch {
      return null
    }
  }

  async write(key: string, value: string): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    await writeFileAtomic(this.path(key), value + '\n')
  }

  private path(key: string): string {
    if (!/^[a-z][a-z0-9-]{0,40}$/.test(key)) throw new Error(`invalid state key "${key}"`)
    return join(this.dir, key)
  }
}
