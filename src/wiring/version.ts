/**
 * mreg's own version, for `mreg --version` and the Action's `mreg-version` output. One source of
 * truth: package.json's `version`, which scripts/bundle.mjs injects into the bundles as
 * __MREG_VERSION__; unbundled (tests, ts runners) it is read from the package.json above src/.
 */
import { readFileSync } from 'node:fs'

declare const __MREG_VERSION__: string | undefined

const PACKAGE_NAME = 'git-model-registry'

export function mregVersion(): string {
  if (typeof __MREG_VERSION__ === 'string') return __MREG_VERSION__
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name?: string
    version?: string
  }
  // A bundle built without the define would find some other package.json: a bug, not a version.
  if (manifest.name !== PACKAGE_NAME || typeof manifest.version !== 'string')
    throw new Error('mreg was bundled without __MREG_VERSION__ (see scripts/bundle.mjs)')
  return manifest.version
}
