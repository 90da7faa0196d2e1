/**
 * The slice of GitHub's release and asset objects the registry uses. Callers outside src/github
 * depend on these, not on Octokit's generated types.
 */

export interface GitHubAsset {
  id: number
  name: string
  size: number
  /** `uploaded`, or `open`/`starter` for an upload that never finished. */
  state: string
  /** `sha256:<hex>` computed by GitHub over the bytes it stored; null when it gave none. */
  digest: string | null
  content_type: string
  browser_download_url: string
  url: string
}

export interface GitHubRelease {
  id: number
  tag_name: string
  name: string | null
  body: string | null
  draft: boolean
  prerelease: boolean
  immutable?: boolean
  html_url: string
  upload_url: string
  target_commitish: string
  created_at: string
  published_at: string | null
  assets: GitHubAsset[]
}

type Loose = Record<string, unknown>

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback)
const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value))

export function toAsset(data: unknown): GitHubAsset {
  const a = (data ?? {}) as Loose
  return {
    id: num(a.id),
    name: str(a.name),
    size: num(a.size),
    state: str(a.state, 'uploaded'),
    digest: typeof a.digest === 'string' ? a.digest : null,
    content_type: str(a.content_type),
    browser_download_url: str(a.browser_download_url),
    url: str(a.url)
  }
}

export function toRelease(data: unknown): GitHubRelease {
  const r = (data ?? {}) as Loose
  const release: GitHubRelease = {
    id: num(r.id),
    tag_name: str(r.tag_name),
    name: typeof r.name === 'string' ? r.name : null,
    body: typeof r.body === 'string' ? r.body : null,
    draft: r.draft === true,
    prerelease: r.prerelease === true,
    html_url: str(r.html_url),
    upload_url: str(r.upload_url),
    target_commitish: str(r.target_commitish),
    created_at: str(r.created_at),
    published_at: typeof r.published_at === 'string' ? r.published_at : null,
    assets: Array.isArray(r.assets) ? r.assets.map(toAsset) : []
  }
  if (typeof r.immutable === 'boolean') release.immutable = r.immutable
  return release
}

/** The hex SHA-256 of a `sha256:<hex>` digest; null when absent or another algorithm. */
export function parseDigest(digest: string | null | undefined): string | null {
  if (!digest) return null
  const match = /^sha256:([0-9a-fA-F]{64})$/.exec(digest.trim())
  return match?.[1] ? match[1].toLowerCase() : null
}

/**
 * A list GitHub answered, or an error naming the call: a proxy or a broken server may answer
 * `{}` or an HTML page where the description promises an array.
 */
export function listOf(data: unknown, endpoint: string): unknown[] {
  if (Array.isArray(data)) return data
  const got = data === null ? 'null' : typeof data === 'object' ? 'an object' : typeof data
  throw new UnexpectedResponse(`GET ${endpoint} answered ${got} where a list was expected`)
}

/** The path of a response's URL, for messages (`/repos/o/r/releases`). */
export function endpointOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url
  }
}

/** A response whose shape is not what the endpoint documents. */
export class UnexpectedResponse extends Error {
  override name = 'UnexpectedResponse'
}
