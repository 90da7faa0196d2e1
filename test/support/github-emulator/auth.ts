/**
 * Credentials as GitHub accepts a token: `Authorization: token X` or `Bearer X` on the API
 * (https://docs.github.com/en/rest/authentication/authenticating-to-the-rest-api), and HTTP Basic
 * with the token as password (any user name, `x-access-token` by convention) for git and the API.
 */
export interface Credentials {
  scheme: 'token' | 'bearer' | 'basic'
  user: string
  token: string
}

export function parseAuthorization(header: string | undefined): Credentials | undefined {
  if (!header) return undefined
  const space = header.indexOf(' ')
  if (space < 0) return undefined
  const scheme = header.slice(0, space).toLowerCase()
  const value = header.slice(space + 1).trim()
  if (scheme === 'token' || scheme === 'bearer') return { scheme, user: 'token', token: value }
  if (scheme === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 0) return undefined
    return { scheme, user: decoded.slice(0, colon), token: decoded.slice(colon + 1) }
  }
  return undefined
}

export function isAuthorized(header: string | undefined, token: string): Credentials | undefined {
  const credentials = parseAuthorization(header)
  return credentials && credentials.token === token ? credentials : undefined
}

/** The header value git needs (`http.extraHeader`) to push and fetch with `token`. */
export function basicHeader(token: string, user = 'x-access-token'): string {
  return `Authorization: Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`
}
