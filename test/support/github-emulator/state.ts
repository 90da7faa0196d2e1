/**
 * Everything the emulator remembers besides the git repository itself. Tests read it directly
 * (releases with their assets' bytes and SHA-256, pulls, reviews, statuses, check runs, comments,
 * labels) and use its hooks (addReview) to play the humans in a workflow.
 */
import { randomBytes } from 'node:crypto'
import type { GitRepo, RefEntry } from './git/repo.js'
import { TokenTable } from './tokens.js'
import { ALL_WRITE, type TokenPermissions } from './permissions.js'

export type AssetState = 'uploaded' | 'starter'

export interface AssetRecord {
  id: number
  releaseId: number
  name: string
  label: string | null
  contentType: string
  size: number
  state: AssetState
  /** Hex SHA-256 of the bytes received; null for a `starter` asset. */
  sha256: string | null
  bytes: Buffer | null
  downloadCount: number
  uploader: string
  createdAt: string
  updatedAt: string
}

export interface ReleaseRecord {
  id: number
  tagName: string
  targetCommitish: string
  name: string | null
  body: string | null
  draft: boolean
  prerelease: boolean
  immutable: boolean
  author: string
  createdAt: string
  publishedAt: string | null
  updatedAt: string
  /** The `untagged-<hex>` name drafts are addressed by on the web. */
  untaggedName: string
  assets: AssetRecord[]
}

export interface PullRecord {
  id: number
  number: number
  title: string
  body: string | null
  user: string
  head: string
  base: string
  state: 'open' | 'closed'
  draft: boolean
  maintainerCanModify: boolean
  labels: string[]
  createdAt: string
  updatedAt: string
  closedAt: string | null
  mergedAt: string | null
  mergedBy: string | null
  mergeCommitSha: string | null
  /** Frozen when the pull request closes; while open, read live from the repository. */
  headSha: string
  baseSha: string
  /** Commits the pull request brought, frozen at merge. */
  mergedCommits: string[]
  /** Epoch ms from which commit → pull lookups list it once merged (rule pull-link-delay). */
  linkedFrom?: number
}

/** A repository role (https://docs.github.com/en/organizations/managing-user-access-to-your-organizations-repositories/managing-repository-roles/repository-roles-for-an-organization). */
export type CollaboratorRole = 'admin' | 'maintain' | 'write' | 'triage' | 'read'

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING'

export interface ReviewRecord {
  id: number
  pullNumber: number
  user: string
  state: ReviewState
  body: string
  commitId: string | null
  submittedAt: string
}

export interface StatusRecord {
  id: number
  sha: string
  state: 'error' | 'failure' | 'pending' | 'success'
  context: string
  description: string | null
  targetUrl: string | null
  creator: string
  createdAt: string
  updatedAt: string
}

export interface CheckRunRecord {
  id: number
  name: string
  headSha: string
  status: string
  conclusion: string | null
  externalId: string | null
  detailsUrl: string | null
  startedAt: string | null
  completedAt: string | null
  output: { title: string | null; summary: string | null; text: string | null; annotations: unknown[] }
}

export interface CommentRecord {
  id: number
  issueNumber: number
  body: string
  user: string
  createdAt: string
  updatedAt: string
}

export interface LabelRecord {
  id: number
  name: string
  color: string
  description: string | null
}

/** GitHub's timestamps: ISO 8601 in UTC, whole seconds. */
export function timestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export class EmulatorState {
  releases: ReleaseRecord[] = []
  pulls: PullRecord[] = []
  reviews: ReviewRecord[] = []
  statuses: StatusRecord[] = []
  checkRuns: CheckRunRecord[] = []
  comments: CommentRecord[] = []
  labels: LabelRecord[] = []
  /** Tag names of immutable releases that were deleted: never usable again for a release. */
  burnedTags = new Set<string>()
  /** Collaborators and their roles; the owner is admin. Anyone else may still review (public repository). */
  collaborators = new Map<string, CollaboratorRole>()
  /** Every token accepted and what each may do (tokens.ts: one table for the API and git). */
  readonly tokens: TokenTable
  /**
   * The repository setting "Allow GitHub Actions to create and approve pull requests" (rule
   * actions-pull-request-setting). Off by default on GitHub for new repositories; on here so
   * that tests of promotion need not say so.
   */
  actionsCanCreatePullRequests = true
  /**
   * How long after a merge the commit → pull request lookup starts listing the pull request
   * (rule pull-link-delay). 0: at once.
   */
  pullLinkDelayMs = 0
  /** How many commit → pull lookups left out a merged pull request still being linked. */
  unlinkedAnswers = 0
  /** The release marked as the repository's latest (rule make-latest); null: by creation date. */
  latestReleaseId: number | null = null
  private lastId = 1000
  private lastIssueNumber = 0

  constructor(
    private readonly git: GitRepo,
    /** Login of the token's user (the emulated GITHUB_TOKEN is the Actions bot). */
    readonly viewer: string,
    /** The repository's owner (a user): admin of it. */
    readonly owner: string,
    /** The emulator's own token (the GITHUB_TOKEN). */
    mainToken: string
  ) {
    this.tokens = new TokenTable(mainToken, viewer, ALL_WRITE)
  }

  /**
   * The main token's entry in `tokens` (rule token-permissions); tests narrow it to play a
   * workflow's `permissions:`.
   */
  get tokenPermissions(): TokenPermissions {
    return this.tokens.grant(this.tokens.mainToken)?.permissions ?? {}
  }

  set tokenPermissions(permissions: TokenPermissions) {
    this.tokens.setPermissions(this.tokens.mainToken, permissions)
  }

  /** Test hook: give a user a role on the repository. */
  addCollaborator(login: string, role: CollaboratorRole = 'write'): void {
    this.collaborators.set(login.toLowerCase(), role)
  }

  /** The user's role: the owner's is admin; null for someone who is not a collaborator. */
  roleOf(login: string): CollaboratorRole | null {
    if (login.toLowerCase() === this.owner.toLowerCase()) return 'admin'
    return this.collaborators.get(login.toLowerCase()) ?? null
  }

  /**
   * Test hook: `count` published releases with their tags (at the default branch's tip), created
   * at `createdAt`, written straight into the state: making a thousand through the API takes
   * minutes. `tag(i)` names the i-th; assets none.
   */
  async addPublishedReleases(
    count: number,
    options: { createdAt: string; tag: (index: number) => string; branch?: string }
  ): Promise<void> {
    const tip = await this.git.resolveCommit(options.branch ?? 'main')
    if (!tip) throw new Error(`no branch ${options.branch ?? 'main'}`)
    const tags = Array.from({ length: count }, (_, i) => options.tag(i))
    await this.git.ok(['update-ref', '--stdin'], {
      input: tags.map(tag => `create refs/tags/${tag} ${tip}\n`).join('')
    })
    for (const tag of tags) {
      this.releases.push({
        id: this.nextId(),
        tagName: tag,
        targetCommitish: options.branch ?? 'main',
        name: tag,
        body: null,
        draft: false,
        prerelease: false,
        immutable: false,
        author: 'octocat',
        createdAt: options.createdAt,
        publishedAt: options.createdAt,
        updatedAt: options.createdAt,
        untaggedName: `untagged-${randomBytes(10).toString('hex')}`,
        assets: []
      })
    }
  }

  nextId(): number {
    return ++this.lastId
  }

  /** Issues and pull requests share one number sequence on GitHub. */
  nextIssueNumber(): number {
    return ++this.lastIssueNumber
  }

  release(id: number): ReleaseRecord | undefined {
    return this.releases.find(r => r.id === id)
  }

  /** The published release with this tag (drafts have no tag yet). */
  publishedRelease(tag: string): ReleaseRecord | undefined {
    return this.releases.find(r => !r.draft && r.tagName === tag)
  }

  /** Rule make-latest: the marked release, else the newest full (non-draft, non-pre) release. */
  latestRelease(): ReleaseRecord | undefined {
    const marked = this.releases.find(r => r.id === this.latestReleaseId && !r.draft && !r.prerelease)
    if (marked) return marked
    return this.releases
      .filter(r => !r.draft && !r.prerelease)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)[0]
  }

  asset(id: number): { release: ReleaseRecord; asset: AssetRecord } | undefined {
    for (const release of this.releases) {
      const asset = release.assets.find(a => a.id === id)
      if (asset) return { release, asset }
    }
    return undefined
  }

  pull(number: number): PullRecord | undefined {
    return this.pulls.find(p => p.number === number)
  }

  /** Test hook: a reviewer submits a review on a pull request (commit defaults to its head). */
  addReview(
    pullNumber: number,
    review: { user: string; state?: ReviewState; body?: string; commitId?: string }
  ): ReviewRecord {
    const pull = this.pull(pullNumber)
    if (!pull) throw new Error(`no pull request #${pullNumber}`)
    const record: ReviewRecord = {
      id: this.nextId(),
      pullNumber,
      user: review.user,
      state: review.state ?? 'APPROVED',
      body: review.body ?? '',
      commitId: review.commitId ?? pull.headSha,
      submittedAt: timestamp()
    }
    this.reviews.push(record)
    return record
  }

  /** All refs of the repository, read from git (pushes over HTTP included). */
  refs(): Promise<RefEntry[]> {
    return this.git.listRefs()
  }

  /** `{ 'refs/tags/x': sha }` for quick assertions. */
  async refMap(): Promise<Record<string, string>> {
    return Object.fromEntries((await this.git.listRefs()).map(entry => [entry.ref, entry.sha]))
  }

  /** Refs the pre-receive hook and the refs API refuse to change (tags of immutable releases). */
  lockedRefs(): Set<string> {
    return new Set(this.releases.filter(r => r.immutable && !r.draft).map(r => `refs/tags/${r.tagName}`))
  }

  /** Bring the hook's list in line with lockedRefs(); call after any release publish or delete. */
  syncLockedRefs(): Promise<void> {
    return this.git.setLockedRefs(this.lockedRefs())
  }
}
