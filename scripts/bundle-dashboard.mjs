// Builds the dashboard (src/dashboard, a browser front) into <out>/dashboard: app-<hash>.js,
// style-<hash>.css and index.html naming them. Hashed names let the server tell browsers to keep
// the assets for good (src/serve/dashboard.ts); index.html itself is revalidated. No CDN: every
// library is bundled in. scripts/bundle.mjs calls this, and so do the dashboard tests
// (test/support/browser.ts). The hash is of the bytes alone (esbuild's [hash] also covers the
// paths, which differ between checkouts), so a rebuild anywhere is byte-identical.
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

export async function buildDashboard(outDir) {
  const dir = join(outDir, 'dashboard')
  const result = await build({
    entryPoints: [
      { in: join(ROOT, 'src/dashboard/main.ts'), out: 'app' },
      { in: join(ROOT, 'src/dashboard/style.css'), out: 'style' }
    ],
    outdir: dir,
    write: false,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' }
  })
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const names = {}
  for (const file of result.outputFiles) {
    const ext = extname(file.path)
    const hash = createHash('sha256').update(file.contents).digest('hex').slice(0, 12)
    const name = `${ext === '.js' ? 'app' : 'style'}-${hash}${ext}`
    names[`app${ext}`] = name
    await writeFile(join(dir, name), file.contents)
  }
  const template = await readFile(join(ROOT, 'src/dashboard/index.html'), 'utf8')
  const page = template.replace(/\{\{(app\.js|app\.css)\}\}/g, (_, key) => names[key])
  await writeFile(join(dir, 'index.html'), page)
}
