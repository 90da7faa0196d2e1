/**
 * Which proxy a request goes through, from the variables self-hosted runners and shells set:
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY, lowercase first (curl's and undici's order). Pure: the
 * fronts read the environment, the GitHub client and the git transport ask `proxyFor`.
 * These are the variables GitHub's self-hosted runner itself honours (https_proxy, http_proxy,
 * no_proxy with hosts and `host:port`):
 * https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/using-a-proxy-server-with-self-hosted-runners
 */
export interface ProxySettings {
  httpProxy?: string
  /** Falls back on httpProxy, as curl does. */
  httpsProxy?: string
  /** Comma- or space-separated hosts (`example.com`, `.example.com`, `*.example.com`, `host:port`), or `*`. */
  noProxy?: string
}

export function proxyFromEnv(env: NodeJS.ProcessEnv): ProxySettings {
  const read = (name: string): string | undefined => {
    const value = env[name.toLowerCase()] ?? env[name.toUpperCase()]
    return value === undefined || value.trim() === '' ? undefined : value.trim()
  }
  const settings: ProxySettings = {}
  const httpProxy = read('http_proxy')
  const httpsProxy = read('https_proxy')
  const noProxy = read('no_proxy')
  if (httpProxy) settings.httpProxy = httpProxy
  if (httpsProxy) settings.httpsProxy = httpsProxy
  if (noProxy) settings.noProxy = noProxy
  return settings
}

export const hasProxy = (settings: ProxySettings | undefined): boolean =>
  Boolean(settings?.httpProxy || settings?.httpsProxy)

/** The proxy URL for a request to `url`, or undefined to connect directly. */
export function proxyFor(url: string | URL, settings: ProxySettings | undefined): string | undefined {
  if (!settings || !hasProxy(settings)) return undefined
  const target = typeof url === 'string' ? new URL(url) : url
  const proxy =
    target.protocol === 'https:' ? (settings.httpsProxy ?? settings.httpProxy) : settings.httpProxy
  if (!proxy) return undefined
  return bypassed(target, settings.noProxy ?? '') ? undefined : proxy
}

function bypassed(target: URL, noProxy: string): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80)
  for (const raw of noProxy.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase()
    if (entry === '') continue
    if (entry === '*') return true
    const match = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[|\](?=:|$)/g, '')) as RegExpExecArray
    const name = (match[1] ?? '').replace(/^\*?\./, '')
    if (match[2] !== undefined && Number(match[2]) !== port) continue
    // An entry names the host and every host below it (curl's rule).
    if (host === name || host.endsWith(`.${name}`)) return true
  }
  return false
}
