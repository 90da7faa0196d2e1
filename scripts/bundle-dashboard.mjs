// Builds the dashboard (src/dashboard, a browser front) into <out>/dashboard: app-<hash>.js,
// style-<hash>.css and index.html naming them. Hashed names let the server tell browsers to keep
// the assets for good (src/serve/dashboard.ts); index.html itself is revalidated. No CDN: every
// library is bundled in. scripts/bundle.mjs calls this, and so do the dashboard tests
// (test/support/browser.ts); the output is byte-identical on rebuild.
import { build } from 'esbuild'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

export async function buildDashboard(outDir) {
  const dir = join(outDir, 'dashboard')
  await rm(dir, { recursive: true, force: true })
  const result = await build({
    entryPoints: [
      { in: join(ROOT, 'src/dashboard/main.ts'), out: 'app' },
      { in: join(ROOT, 'src/dashboard/style.css'), out: 'style' }
    ],
    outdir: dir,
    entryNames: '[name]-[hash]',
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' }
  })
  const names = {}
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (output.entryPoint?.endsWith('main.ts')) names['app.js'] = basename(file)
    if (output.entryPoint?.endsWith('style.css')) names['app.css'] = basename(file)
  }
  const template = await readFile(join(ROOT, 'src/dashboard/index.html'), 'utf8')
  const page = template.replace(/\{\{(app\.js|app\.css)\}\}/g, (_, key) => names[key])
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'index.html'), page)
}
