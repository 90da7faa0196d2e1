/**
 * Release and asset lifecycle against the emulator with the real Octokit, as the release-asset
 * store will drive it: draft → upload (digest) → publish → download through the redirect → delete.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Octokit } from '@octokit/rest'
import { startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js'
import { client, failure, git } from './helpers.js'

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

describe('releases and assets', () => {
  let gh: GitHubEmulator
  let octokit: Octokit

  beforeAll(async () => {
    gh = await startGitHubEmulator({ maxAssetBytes: 64 * 1024 })
    octokit = client(gh)
  })
  afterAll(() => gh.close())
  afterEach(() => {
    expect(gh.validationErrors).toEqual([])
    expect(gh.faults.pending()).toBe(0)
  })

  const { owner, repo } = { owner: 'acme', repo: 'models' }

  const upload = (releaseUploadUrl: string, name: string, data: Buffer) =>
    octokit.rest.repos.uploadReleaseAsset({
      owner,
      repo,
      release_id: 0, // ignored: the url decides
      url: releaseUploadUrl,
      name,
      data: data as unknown as string,
      headers: { 'content-type': 'application/octet-stream', 'content-length': data.length }
    })

  test('draft, upload with digest, duplicate 422, publish, download through the redirect, delete', async () => {
    const { data: draft } = await octokit.rest.repos.createRelease({
      owner,
      repo,
      tag_name: 'theft-detector@v1.0.0',
      target_commitish: 'main',
      name: 'theft-detector 1.0.0',
      body: 'metadata summary',
      draft: true
    })
    expect(draft.draft).toBe(true)
    expect(draft.upload_url).toBe(
      `${gh.uploadsUrl}/repos/${owner}/${repo}/releases/${draft.id}/assets{?name,label}`
    )
    // A draft has no tag yet, and get-by-tag does not see it.
    expect((await gh.state.refMap())['refs/tags/theft-detector@v1.0.0']).toBeUndefined()
    const hidden = await failure(
      octokit.rest.repos.getReleaseByTag({ owner, repo, tag: 'theft-detector@v1.0.0' })
    )
    expect(hidden.status).toBe(404)

    const bytes = randomBytes(40_000)
    const { data: asset } = await upload(draft.upload_url, 'theft_detector_20261127_143000.pkl', bytes)
    expect(asset.state).toBe('uploaded')
    expect(asset.size).toBe(bytes.length)
    expect(asset.digest).toBe(`sha256:${sha256(bytes)}`)
    expect(gh.state.release(draft.id)?.assets[0]?.sha256).toBe(sha256(bytes))

    const duplicate = await failure(upload(draft.upload_url, 'theft_detector_20261127_143000.pkl', bytes))
    expect(duplicate.status).toBe(422)
    expect(duplicate.response?.data).toMatchObject({
      errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }]
    })

    const tooBig = await failure(upload(draft.upload_url, 'big.bin', randomBytes(64 * 1024 + 1)))
    expect(tooBig.status).toBe(422)

    const { data: listed } = await octokit.rest.repos.listReleaseAssets({ owner, repo, release_id: draft.id })
    expect(listed.map(a => a.name)).toEqual(['theft_detector_20261127_143000.pkl'])

    const { data: published } = await octokit.rest.repos.updateRelease({
      owner,
      repo,
      release_id: draft.id,
      draft: false
    })
    expect(published.draft).toBe(false)
    expect(published.published_at).not.toBeNull()
    const main = (await gh.state.refMap())['refs/heads/main']
    expect((await gh.state.refMap())['refs/tags/theft-detector@v1.0.0']).toBe(main)
    const { data: byTag } = await octokit.rest.repos.getReleaseByTag({
      owner,
      repo,
      tag: 'theft-detector@v1.0.0'
    })
    expect(byTag.id).toBe(draft.id)

    // Download: 302 to the second origin; fetch drops Authorization on the cross-origin redirect.
    const downloaded = await octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      owner,
      repo,
      asset_id: asset.id,
      headers: { accept: 'application/octet-stream' },
      request: { parseSuccessResponseBody: false }
    })
    const body = Buffer.from(await new Response(downloaded.data as unknown as ReadableStream).arrayBuffer())
    expect(sha256(body)).toBe(sha256(bytes))
    const hops = gh.requests.filter(r => r.origin === 'download')
    expect(hops.at(-1)).toMatchObject({ status: 200, authorization: false })

    // The same signed URL with an Authorization header is refused, as S3 does.
    const redirect = await fetch(`${gh.apiUrl}/repos/${owner}/${repo}/releases/assets/${asset.id}`, {
      headers: { authorization: `token ${gh.token}`, accept: 'application/octet-stream' },
      redirect: 'manual'
    })
    expect(redirect.status).toBe(302)
    const location = redirect.headers.get('location') as string
    expect(location.startsWith(gh.downloadOrigin)).toBe(true)
    const refused = await fetch(location, { headers: { authorization: `token ${gh.token}` } })
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('Only one auth mechanism allowed')
    expect((await fetch(location)).status).toBe(200)

    await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: asset.id })
    expect((await octokit.rest.repos.listReleaseAssets({ owner, repo, release_id: draft.id })).data).toEqual(
      []
    )
    await octokit.rest.repos.deleteRelease({ owner, repo, release_id: draft.id })
    expect(gh.state.releases).toEqual([])
    // Deleting a release keeps its tag, as on GitHub.
    expect((await gh.state.refMap())['refs/tags/theft-detector@v1.0.0']).toBe(main)
  })

  test('list releases pages with Link headers', async () => {
    for (let i = 0; i < 5; i++) {
      await octokit.rest.repos.createRelease({ owner, repo, tag_name: `page@v0.0.${i}`, draft: true })
    }
    const first = await octokit.rest.repos.listReleases({ owner, repo, per_page: 2 })
    expect(first.data).toHaveLength(2)
    expect(first.headers.link).toContain('rel="next"')
    const all = await octokit.paginate(octokit.rest.repos.listReleases, { owner, repo, per_page: 2 })
    expect(all.map(r => r.tag_name).sort()).toEqual([0, 1, 2, 3, 4].map(i => `page@v0.0.${i}`))
    for (const release of all) await octokit.rest.repos.deleteRelease({ owner, repo, release_id: release.id })
  })

  test('a reset mid-upload leaves a starter asset that blocks the name until deleted', async () => {
    const { data: draft } = await octokit.rest.repos.createRelease({
      owner,
      repo,
      tag_name: 'reset@v1.0.0',
      draft: true
    })
    const bytes = randomBytes(48_000)
    gh.faults.resetConnectionMidUpload({ name: 'model.bin', afterBytes: 1000 })
    const reset = await failure(upload(draft.upload_url, 'model.bin', bytes))
    expect(reset.status).toBe(500) // Octokit's status for a network failure
    const { data: assets } = await octokit.rest.repos.listReleaseAssets({ owner, repo, release_id: draft.id })
    expect(assets).toMatchObject([{ name: 'model.bin', state: 'starter', digest: null }])

    expect((await failure(upload(draft.upload_url, 'model.bin', bytes))).status).toBe(422)
    await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: (assets[0] as { id: number }).id })
    const { data: retried } = await upload(draft.upload_url, 'model.bin', bytes)
    expect(retried.digest).toBe(`sha256:${sha256(bytes)}`)

    gh.faults.leaveStarterAsset('left-over.bin')
    expect((await failure(upload(draft.upload_url, 'left-over.bin', bytes))).status).toBe(422)
    gh.faults.corruptUpload({ name: 'corrupt.bin' })
    const { data: corrupt } = await upload(draft.upload_url, 'corrupt.bin', bytes)
    expect(corrupt.digest).not.toBe(`sha256:${sha256(bytes)}`)
    gh.faults.failNext({ method: 'POST', path: /\/assets$/, status: 502 })
    expect((await failure(upload(draft.upload_url, 'flaky.bin', bytes))).status).toBe(502)
    await octokit.rest.repos.deleteRelease({ owner, repo, release_id: draft.id })
  })

  test('a release holds at most 1000 assets: the 1001st upload gets 422 file_count', async () => {
    const { data: draft } = await octokit.rest.repos.createRelease({
      owner,
      repo,
      tag_name: 'many@v1.0.0',
      draft: true
    })
    const byte = Buffer.from('x')
    for (let i = 0; i < 1000; i++) await upload(draft.upload_url, `f${i}.bin`, byte)
    const refused = await failure(upload(draft.upload_url, 'f1000.bin', byte))
    expect(refused.status).toBe(422)
    expect(refused.response?.data).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'ReleaseAsset', code: 'custom', field: 'file_count' }]
    })
    expect(gh.requests.at(-1)?.rule).toBe('asset-count-limit')
    // Deleting one makes room again.
    const { data: page } = await octokit.rest.repos.listReleaseAssets({ owner, repo, release_id: draft.id })
    await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: (page[0] as { id: number }).id })
    expect((await upload(draft.upload_url, 'f1000.bin', byte)).status).toBe(201)
    await octokit.rest.repos.deleteRelease({ owner, repo, release_id: draft.id })
  }, 60_000)

  test('immutable releases refuse asset changes and lock their tag once published', async () => {
    const immutable = await startGitHubEmulator({ immutableReleases: true })
    try {
      const api = client(immutable)
      const { data: draft } = await api.rest.repos.createRelease({
        owner,
        repo,
        tag_name: 'm@v1.0.0',
        draft: true
      })
      const data = randomBytes(1000)
      const put = (name: string) =>
        api.rest.repos.uploadReleaseAsset({
          owner,
          repo,
          release_id: draft.id,
          url: draft.upload_url,
          name,
          data: data as unknown as string,
          headers: { 'content-type': 'application/octet-stream', 'content-length': data.length }
        })
      const { data: asset } = await put('a.bin')
      const { data: published } = await api.rest.repos.updateRelease({
        owner,
        repo,
        release_id: draft.id,
        draft: false
      })
      expect(published.immutable).toBe(true)
      expect((await failure(put('b.bin'))).status).toBe(422)
      expect(
        (await failure(api.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: asset.id }))).status
      ).toBe(422)
      expect((await failure(api.rest.git.deleteRef({ owner, repo, ref: 'tags/m@v1.0.0' }))).status).toBe(422)
      // The tag is locked for git pushes too (the bare repository's pre-receive hook).
      const scratch = await mkdtemp(join(tmpdir(), 'gh-emulator-scratch-'))
      try {
        await git(['init', '-q'], { cwd: scratch, env: immutable.gitEnv() })
        const push = git(['push', immutable.gitUrl, ':refs/tags/m@v1.0.0'], {
          cwd: scratch,
          env: immutable.gitEnv()
        })
        await expect(push).rejects.toThrow(/immutable release/)
      } finally {
        await rm(scratch, { recursive: true, force: true })
      }
      // Title and notes stay editable.
      const { data: renamed } = await api.rest.repos.updateRelease({
        owner,
        repo,
        release_id: draft.id,
        name: 'renamed'
      })
      expect(renamed.name).toBe('renamed')
      await api.rest.repos.deleteRelease({ owner, repo, release_id: draft.id })
      const reuse = await failure(api.rest.repos.createRelease({ owner, repo, tag_name: 'm@v1.0.0' }))
      expect(reuse.status).toBe(422)
      expect(immutable.requests.filter(r => r.rule === 'immutable-release').length).toBe(3)
      expect(immutable.validationErrors).toEqual([])
    } finally {
      await immutable.close()
    }
  })
})
