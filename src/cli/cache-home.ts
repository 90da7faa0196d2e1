/**
 * Where mreg keeps its caches: `$XDG_CACHE_HOME/mreg`, or `~/.cache/mreg`. One rule for both
 * users — the launcher's compile cache (src/cli/launcher.ts) and GitHub mode's object cache
 * (src/cli/environment.ts) — so the two never disagree about where "the cache" is.
 *
 * A relative XDG_CACHE_HOME is ignored, as the XDG base directory specification requires
 * ("If an implementation encounters a relative path in any of these variables it should
 * consider the path invalid and ignore it"): a cache must not follow the working directory.
 */
import { homedir } from 'node:os'
import { isAbsolute, join } from 'node:path'

/**
 * The mreg cache directory, or undefined when neither XDG_CACHE_HOME nor the home is absolute.
 * The home is `env.HOME` first: the CLI runs on the environment it is given (src/cli/io.ts).
 */
export function mregCacheHome(env: NodeJS.ProcessEnv): string | undefined {
  const xdg = env.XDG_CACHE_HOME
  if (xdg && isAbsolute(xdg)) return join(xdg, 'mreg')
  const home = env.HOME ?? systemHome()
  return home && isAbsolute(home) ? join(home, '.cache', 'mreg') : undefined
}

function systemHome(): string | undefined {
  try {
    return homedir()
  } catch {
    return undefined // no home: a user without a passwd entry and no HOME
  }
}
