/**
 * The second origin, standing in for objects.githubusercontent.com / S3: it serves an asset's
 * bytes for a short-lived signed URL and nothing else. Like S3 with a presigned URL, it refuses a
 * request that also carries an Authorization header (rule download-refuses-authorization), which
 * is what catches a client that forwards the GitHub token across the redirect.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmulatorContext } from './context.js'
import type { RuleName } from './rules.js'

/** GitHub's asset redirects are valid for 5 minutes (X-Amz-Expires=300 in observed Location headers). */
const EXPIRES_SECONDS = 300

export class DownloadSigner {
  private readonly secret = randomBytes(32)

  constructor(
    private readonly origin: string,
    private readonly repoId: number
  ) {}

  private signature(assetId: number, date: number): string {
    return createHmac('sha256', this.secret).update(`${assetId}:${date}`).digest('hex')
  }

  url(assetId: number, name: string): string {
    const date = Math.floor(Date.now() / 1000)
    const query = new URLSearchParams({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Date': String(date),
      'X-Amz-Expires': String(EXPIRES_SECONDS),
      'X-Amz-Signature': this.signature(assetId, date),
      'X-Amz-SignedHeaders': 'host',
      'response-content-disposition': `attachment; filename=${name}`,
      'response-content-type': 'application/octet-stream'
    })
    return `${this.origin}/github-production-release-asset/${this.repoId}/${assetId}?${query.toString()}`
  }

  verify(assetId: number, query: URLSearchParams): 'ok' | 'bad-signature' | 'expired' {
    const date = Number(query.get('X-Amz-Date'))
    const given = Buffer.from(query.get('X-Amz-Signature') ?? '', 'hex')
    const expected = Buffer.from(this.signature(assetId, date), 'hex')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad-signature'
    return Date.now() / 1000 > date + EXPIRES_SECONDS ? 'expired' : 'ok'
  }
}

function s3Error(res: ServerResponse, status: number, code: string, message: string, extra = ''): number {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${extra}<RequestId>emulator</RequestId></Error>`
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) })
  res.end(body)
  return status
}

/** Answer one request on the download origin; returns the status and the rule that decided it. */
export function serveDownload(
  ctx: EmulatorContext,
  signer: DownloadSigner,
  req: IncomingMessage,
  res: ServerResponse
): { status: number; rule?: RuleName } {
  const url = new URL(req.url ?? '/', 'http://download.invalid')
  const authorization = req.headers.authorization
  if (authorization !== undefined) {
    const status = s3Error(
      res,
      400,
      'InvalidArgument',
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
      '<ArgumentName>Authorization</ArgumentName>'
    )
    return { status, rule: 'download-refuses-authorization' }
  }
  const match = /^\/github-production-release-asset\/\d+\/(\d+)$/.exec(url.pathname)
  if (!match || (req.method !== 'GET' && req.method !== 'HEAD')) {
    return { status: s3Error(res, 404, 'NoSuchKey', 'The specified key does not exist.') }
  }
  const assetId = Number(match[1])
  const verdict = signer.verify(assetId, url.searchParams)
  if (verdict === 'bad-signature') {
    return {
      status: s3Error(
        res,
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided.'
      )
    }
  }
  if (verdict === 'expired') return { status: s3Error(res, 403, 'AccessDenied', 'Request has expired') }
  const found = ctx.state.asset(assetId)
  if (!found || found.asset.state !== 'uploaded' || !found.asset.bytes) {
    return { status: s3Error(res, 404, 'NoSuchKey', 'The specified key does not exist.') }
  }
  const { asset } = found
  const bytes = asset.bytes as Buffer
  asset.downloadCount += 1
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': bytes.length,
    'content-disposition': `attachment; filename=${asset.name}`,
    etag: `"${asset.sha256 ?? ''}"`
  })
  res.end(req.method === 'HEAD' ? undefined : bytes)
  return { status: 200, rule: 'asset-download-redirect' }
}
