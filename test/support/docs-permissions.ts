/** The README's permissions table (between its markers): command → the permissions its token needs. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

export async function readmePermissions(root: string): Promise<Map<string, string[]>> {
  const readme = await readFile(join(root, 'README.md'), 'utf8')
  const table = /<!-- permissions-table -->([\s\S]*?)<!-- \/permissions-table -->/.exec(readme)?.[1] ?? ''
  const map = new Map<string, string[]>()
  for (const row of table.split('\n').filter(line => line.startsWith('| `'))) {
    const [commands, permissions] = row.split('|').slice(1, 3) as [string, string]
    const needed = [...permissions.matchAll(/`([^`]+)`/g)].map(m => m[1] as string)
    for (const command of [...commands.matchAll(/`([^`]+)`/g)].map(m => m[1] as string))
      map.set(command, needed)
  }
  return map
}
