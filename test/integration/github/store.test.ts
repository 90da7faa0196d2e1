import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { RegistryError } from '../../../src/domain/errors.js'
import { listAssets } from '../../../src/github/releases.js'
import { modelFile, setup, sha256, target, type Fixture } from './setup.js'

let f: Fixture
afterEach(async () => {
  expect(f.gh.validationErrors).toEqual([])
  expect(f.log.join('\n')).not.toContain(f.gh.token)
  await f.close()
})

describe('GitHubReleaseStore against the emulator', () => {
  describe('single asset', () => {
    beforeEach(async () => {
      f = await setup()
    })

    test('finish publishes in one request; a release refused (422) is read: published already is done, gone is not-found', async () => {
      const file = await modelFile(f.dir, 1000)
      const put = await f.store.put(file.path, target(), file.digest)
      const seen = f.gh.requests.length
      await f.store.finish(put.artifact)
      expect(f.gh.requests.slice(seen).map(r => r.operationId)).toEqual(['repos/update-release'])
      expect(f.gh.state.releases.map(r => r.draft)).toEqual([false])

      // GitHub refusing to touch a published release again: the read tells it is published.
      f.gh.faults.failNext({ method: 'PATCH', path: /\/releases\/\d+$/, status: 422 })
      await f.store.finish(put.artifact)
      expect(f.gh.requests.slice(-2).map(r => [r.method, r.status, r.operationId ?? r.rule])).toEqual([
        ['PATCH', 422, 'injected-fault'],
        ['GET', 200, 'repos/get-release']
      ])

      const id = put.artifact.release?.id as number
      await f.client.octokit.rest.repos.deleteRelease({ owner: f.gh.owner, repo: f.gh.repo, release_id: id })
      const gone = await f.store.finish(put.artifact).catch((error: RegistryError) => error)
      expect(gone).toMatchObject({ kind: 'not-found' })
      expect((gone as RegistryError).message).toBe(
        `release theft-detector@v1.0.0 (id ${id}) is gone from ${f.gh.owner}/${f.gh.repo}`
      )
    })

    test('put leaves a draft with the verified asset, finish publishes it at the commit; fetch brings back the same bytes', async () => {
      const file = await modelFile(f.dir, 64 * 1024 + 7)
      const t = target({ commit: f.commit })
      const put = await f.store.put(file.path, t, file.digest)
      // Until the metadata lands nothing is spent: a draft has no tag yet.
      expect(f.gh.state.releases.map(r => r.draft)).toEqual([true])
      expect((await f.gh.state.refs()).map(r => r.ref)).not.toContain('refs/tags/theft-detector@v1.0.0')
      await f.store.finish(put.artifact)
      await f.store.finish(put.artifact)

      // What GitHub holds
      expect(f.gh.state.releases).toHaveLength(1)
      const release = f.gh.state.releases[0]!
      expect(release).toMatchObject({
        tagName: 'theft-detector@v1.0.0',
        draft: false,
        targetCommitish: f.commit,
        body: t.description
      })
      expect(release.assets).toHaveLength(1)
      expect(release.assets[0]).toMatchObject({
        name: t.file_name,
        state: 'uploaded',
        size: file.digest.size,
        sha256: file.digest.sha256
      })
      const refs = await f.gh.state.refs()
      expect(refs.find(r => r.ref === 'refs/tags/theft-detector@v1.0.0')?.sha).toBe(f.commit)

      // What the metadata records
      const asset = release.assets[0]!
      const { owner, repo, serverUrl } = f.gh
      expect(put.created).toBe(true)
      expect(put.file_path).toBe(
        `${serverUrl}/${owner}/${repo}/releases/download/theft-detector%40v1.0.0/${t.file_name}`
      )
      expect(put.artifact).toEqual({
        store: 'github-release',
        uri: `${serverUrl}/${owner}/${repo}/releases/tag/theft-detector%40v1.0.0`,
        file_name: t.file_name,
        size: file.digest.size,
        sha256: file.digest.sha256,
        media_type: 'application/octet-stream',
        release: expect.objectContaining({ id: release.id, tag: 'theft-detector@v1.0.0' }),
        assets: [
          {
            id: asset.id,
            name: t.file_name,
            size: file.digest.size,
            sha256: file.digest.sha256,
            url: expect.stringContaining('/releases/download/')
          }
        ]
      })
      expect(put.artifact.parts).toBeUndefined()

      // Round trip
      const out = join(f.dir, 'out', '..', 'fetched.pkl')
      const got = await f.store.fetch(put.artifact, out)
      expect(got).toEqual({ path: out, sha256: file.digest.sha256, size: file.digest.size })
      expect((await readFile(out)).equals(file.bytes)).toBe(true)

      // The token went to the API, never to the download origin.
      const downloads = f.gh.requests.filter(r => r.origin === 'download')
      expect(downloads.length).toBeGreaterThan(0)
      expect(downloads.every(r => !r.authorization && r.status === 200)).toBe(true)
      const apiGet = f.gh.requests.find(r => r.method === 'GET' && /\/releases\/assets\/\d+$/.test(r.path))
      expect(apiGet).toMatchObject({ authorization: true, status: 302 })

      expect(await f.store.verify(put.artifact)).toEqual({
        ok: true,
        actual: file.digest.sha256,
        present: true
      })
    })

    test('remove deletes the release and its tag, and is idempotent', async () => {
      const file = await modelFile(f.dir, 1000)
      const put = await f.store.put(file.path, target({ commit: f.commit }), file.digest)
      await f.store.remove(put.artifact)
      expect(f.gh.state.releases).toEqual([])
      expect((await f.gh.state.refs()).some(r => r.ref.startsWith('refs/tags/'))).toBe(false)
      await expect(f.store.remove(put.artifact)).resolves.toBeUndefined()
      await expect(f.store.removeRelease(put.artifact)).resolves.toBeUndefined()
      expect(await f.store.verify(put.artifact)).toEqual({
        ok: false,
        actual: null,
        present: false,
        where: `release ${put.artifact.release?.tag} is gone`
      })
    })

    test('listRegistryReleases lists registry tags only', async () => {
      const a = await modelFile(f.dir, 10, 'a.pkl')
      await f.store.finish((await f.store.put(a.path, target({ version: '1.0.0' }), a.digest)).artifact)
      await f.store.put(a.path, target({ name: 'other', version: '2.1.0-rc.1' }), a.digest)
      await f.client.octokit.rest.repos.createRelease({
        owner: f.gh.owner,
        repo: f.gh.repo,
        tag_name: 'v9.9.9'
      })
      const listed = await f.store.listRegistryReleases()
      expect(listed.map(r => [r.name, r.version, r.draft]).sort()).toEqual([
        ['other', '2.1.0-rc.1', true],
        ['theft-detector', '1.0.0', false]
      ])
      expect(listed[0]?.assets[0]).toMatchObject({ state: 'uploaded', sha256: a.digest.sha256, size: 10 })
    })

    test('verify trusts GitHub digests when given, and downloads and hashes when not', async () => {
      const file = await modelFile(f.dir, 3000)
      const put = await f.store.put(file.path, target(), file.digest)
      const stored = f.gh.state.releases[0]!.assets[0]!
      const downloads = (): number => f.gh.requests.filter(r => r.origin === 'download').length

      stored.sha256 = 'f'.repeat(64)
      expect(await f.store.verify(put.artifact)).toEqual({
        ok: false,
        actual: 'f'.repeat(64),
        present: true,
        where: `GitHub's digest of release asset ${put.artifact.file_name} of release ${put.artifact.release?.tag} is sha256:${'f'.repeat(64)}, not the recorded ${file.digest.sha256}`
      })
      expect(downloads()).toBe(0)

      stored.sha256 = null
      expect(await f.store.verify(put.artifact)).toEqual({
        ok: true,
        actual: file.digest.sha256,
        present: true
      })
      expect(downloads()).toBe(1)

      stored.bytes![0] = stored.bytes![0]! ^ 0xff
      expect(await f.store.verify(put.artifact)).toEqual({
        ok: false,
        actual: sha256(stored.bytes!),
        present: true,
        where: `downloaded from release asset ${put.artifact.file_name} of release ${put.artifact.release?.tag}`
      })
      expect(f.log.some(line => line.includes('digest'))).toBe(false)
    })

    test('an empty file is refused before any request (GitHub refuses empty assets)', async () => {
      const file = await modelFile(f.dir, 0)
      const error = await f.store.put(file.path, target(), file.digest).catch(e => e)
      expect(error).toBeInstanceOf(RegistryError)
      expect(error).toMatchObject({
        kind: 'invalid-input',
        details: { field: 'file', reason: 'empty' },
        message: expect.stringMatching(/is empty \(0 bytes\): GitHub refuses empty release assets/)
      })
      expect(f.gh.requests).toEqual([])
    })

    test('the emulator refuses an empty upload as GitHub does, and the message keeps its words', async () => {
      const release = await f.client.octokit.rest.repos.createRelease({
        owner: f.gh.owner,
        repo: f.gh.repo,
        tag_name: 'x@v1.0.0',
        draft: true
      })
      const { uploadAsset } = await import('../../../src/github/assets.js')
      const file = await modelFile(f.dir, 0)
      const error = await uploadAsset({
        client: f.client,
        uploadUrl: release.data.upload_url,
        name: 'empty.bin',
        filePath: file.path,
        start: 0,
        size: 0,
        contentType: 'application/octet-stream'
      }).catch(e => e)
      expect(error).toBeInstanceOf(RegistryError)
      expect(error.message).toMatch(/\(422\): Validation Failed \(size must be greater than or equal to 1\)$/)
      expect(error.details).toMatchObject({
        errors: [
          {
            resource: 'ReleaseAsset',
            code: 'custom',
            field: 'size',
            message: 'size must be greater than or equal to 1'
          }
        ]
      })
      expect(f.gh.requests.at(-1)).toMatchObject({ status: 422, rule: 'asset-not-empty' })
    })

    test('a file that changed since it was hashed is refused and leaves no release', async () => {
      const file = await modelFile(f.dir, 5000)
      const stale = { ...file.digest, sha256: sha256(Buffer.from('what it was before')) }
      const error = await f.store.put(file.path, target(), stale).catch(e => e)
      expect(error).toBeInstanceOf(RegistryError)
      expect(error.kind).toBe('integrity')
      expect(error.message).toMatch(
        /changed while registering: expected sha256 [0-9a-f]{64}, uploaded [0-9a-f]{64}/
      )
      expect(error.details).toEqual({ expected: stale.sha256, actual: file.digest.sha256 })
      expect(f.gh.state.releases).toEqual([])
    })
  })

  describe('parts', () => {
    beforeEach(async () => {
      f = await setup({ maxPartBytes: 1000 })
    })

    test('a 3500-byte file with 1000-byte parts goes up as 4 verified assets and comes back whole', async () => {
      const file = await modelFile(f.dir, 3500)
      const t = target()
      const put = await f.store.put(file.path, t, file.digest)
      const names = [0, 1, 2, 3].map(i => `${t.file_name}.part00${i}`)
      const assets = f.gh.state.releases[0]!.assets
      expect(assets.map(a => [a.name, a.size])).toEqual(names.map((n, i) => [n, i < 3 ? 1000 : 500]))
      expect(put.artifact.parts).toEqual(
        names.map((name, index) => ({
          index,
          name,
          size: index < 3 ? 1000 : 500,
          sha256: sha256(file.bytes.subarray(index * 1000, index * 1000 + 1000))
        }))
      )
      expect(put.artifact.assets?.map(a => a.sha256)).toEqual(assets.map(a => a.sha256))
      expect(put.artifact.sha256).toBe(file.digest.sha256)
      expect(put.file_path).toMatch(/\.part000$/)

      const out = join(f.dir, 'whole.pkl')
      await expect(f.store.fetch(put.artifact, out)).resolves.toMatchObject({
        sha256: file.digest.sha256,
        size: 3500
      })
      expect((await readFile(out)).equals(file.bytes)).toBe(true)
      expect((await readdir(f.dir)).sort()).toEqual(['model.pkl', 'whole.pkl'])
      expect(await f.store.verify(put.artifact)).toMatchObject({ ok: true, present: true })

      const listed = await listAssets(f.client, {
        owner: f.gh.owner,
        repo: f.gh.repo,
        release_id: put.artifact.release!.id
      })
      expect(listed).toHaveLength(4)
    })
  })
})

describe('immutable releases', () => {
  beforeEach(async () => {
    f = await setup({ emulator: { immutableReleases: true } })
  })

  test('a draft is not immutable; once finished, remove deletes it idempotently and the tag is reserved for good', async () => {
    const file = await modelFile(f.dir, 2000)
    const put = await f.store.put(file.path, target({ commit: f.commit }), file.digest)
    expect(f.gh.state.releases[0]).toMatchObject({ draft: true, immutable: false })
    await f.store.finish(put.artifact)
    expect(f.gh.state.releases[0]).toMatchObject({ draft: false, immutable: true })
    await expect(f.store.fetch(put.artifact, join(f.dir, 'out.pkl'))).resolves.toMatchObject({
      sha256: file.digest.sha256
    })
    await f.store.remove(put.artifact)
    await f.store.remove(put.artifact)
    expect(f.gh.state.releases).toEqual([])
    // GitHub never gives the tag of a deleted immutable release to another release.
    const again = await f.store.put(file.path, target({ commit: f.commit }), file.digest).catch(e => e)
    expect(again).toBeInstanceOf(RegistryError)
    expect(again.kind).toBe('conflict')
    expect(again.details).toMatchObject({ status: 422, codes: ['custom'], reason: 'tag-reserved' })
    expect(again.message).toBe(
      'GitHub refused creating release theft-detector@v1.0.0 on acme/models (422): Validation Failed (tag_name was used by an immutable release)'
    )
    expect(f.gh.requests.at(-1)).toMatchObject({ status: 422, rule: 'immutable-tag-reserved' })
    expect(f.gh.state.releases).toEqual([])
  })

  test('a draft deleted before it was finished spends nothing: the same tag registers again', async () => {
    const file = await modelFile(f.dir, 2000)
    const first = await f.store.put(file.path, target({ commit: f.commit }), file.digest)
    await f.store.remove(first.artifact)
    expect(f.gh.state.burnedTags.size).toBe(0)
    const second = await f.store.put(file.path, target({ commit: f.commit }), file.digest)
    await f.store.finish(second.artifact)
    expect(f.gh.state.releases.map(r => [r.tagName, r.draft, r.immutable])).toEqual([
      ['theft-detector@v1.0.0', false, true]
    ])
  })
})
