/**
 * The one table of tokens the emulator accepts. Each token acts as one login and holds one
 * permission set (permissions.ts), which every use of it meets alike: the REST API checks the
 * sets its operation accepts (REQUIRED in permissions.ts) and git over smart HTTP checks
 * `contents` — read to fetch, write to push. GitHub documents a single permission set per
 * installation token for both: GITHUB_TOKEN is an App installation token whose `permissions:`
 * apply to the API and to git ("contents … Work with the contents of the repository and its
 * Git history", https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token),
 * and an App's "Contents" permission is what git clone and push over HTTPS need
 * (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/authenticating-as-a-github-app-installation#using-an-installation-access-token-to-authenticate-as-an-app-installation).
 * Rule token-permissions (rules.ts).
 */
import { ALL_WRITE, type TokenPermissions } from './permissions.js'

export interface TokenGrant {
  /** Who the token acts as, e.g. `github-actions[bot]` or `mreg-registry[bot]`. */
  login: string
  permissions: TokenPermissions
}

export class TokenTable {
  private readonly grants = new Map<string, TokenGrant>()

  constructor(
    /** The emulator's own token: the workflow's GITHUB_TOKEN. */
    readonly mainToken: string,
    mainLogin: string,
    mainPermissions: TokenPermissions = ALL_WRITE
  ) {
    this.add(mainToken, { login: mainLogin, permissions: mainPermissions })
  }

  /** Another token the API and git accept (an App installation token, a read-only token…). */
  add(token: string, grant: TokenGrant): void {
    this.grants.set(token, { login: grant.login, permissions: { ...grant.permissions } })
  }

  grant(token: string): TokenGrant | undefined {
    return this.grants.get(token)
  }

  /** Replace what a token may do (a test narrowing the GITHUB_TOKEN to what a workflow grants). */
  setPermissions(token: string, permissions: TokenPermissions): void {
    const grant = this.grants.get(token)
    if (!grant) throw new Error('no such token in the emulator')
    grant.permissions = { ...permissions }
  }
}
