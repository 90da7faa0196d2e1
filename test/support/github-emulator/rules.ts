/**
 * Behaviours of GitHub that the OpenAPI description does not express (or contradicts), each with
 * the source it is emulated from. Responses produced by a rule carry its name in
 * `RecordedRequest.rule`, so tests can assert which behaviour they exercised.
 */
export interface Rule {
  summary: string
  source: string
}

export const RULES = {
  'bad-credentials': {
    summary: 'A missing or wrong token gets 401 {"message":"Bad credentials"}',
    source: 'https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#bad-credentials'
  },
  'generic-client-error': {
    summary:
      'Any endpoint may answer 404/409/422 with basic-error or validation-error even where the description lists no such status',
    source:
      'https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api and https://docs.github.com/en/rest/using-the-rest-api/getting-started-with-the-rest-api#http-status-codes'
  },
  'primary-rate-limit': {
    summary:
      'Primary limit exhausted: 403 with x-ratelimit-remaining: 0 and x-ratelimit-reset (epoch seconds)',
    source:
      'https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit'
  },
  'secondary-rate-limit': {
    summary:
      'Secondary limit: 403 or 429, a message naming a "secondary rate limit", and retry-after seconds',
    source:
      'https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits'
  },
  'rate-limit-headers': {
    summary: 'Every API response carries x-ratelimit-limit/-remaining/-used/-reset/-resource',
    source:
      'https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#checking-the-status-of-your-rate-limit'
  },
  'duplicate-asset-name': {
    summary:
      'Uploading an asset whose name exists in the release (in any state) gets 422 errors [{resource:"ReleaseAsset",code:"already_exists",field:"name"}]',
    source:
      'OpenAPI description of repos/upload-release-asset ("must delete the old file before you can re-upload"); body as observed in https://github.com/release-it/release-it/issues/284'
  },
  'asset-size-limit': {
    summary:
      'Each release asset must be under 2 GiB; a larger upload is refused with 422 (status is the emulator’s choice)',
    source:
      'https://docs.github.com/en/repositories/releasing-projects-on-github/about-releases#storage-and-bandwidth-quotas'
  },
  'asset-count-limit': {
    summary:
      'A release holds at most 1000 assets: one more upload gets 422 errors [{resource:"ReleaseAsset",code:"custom",field:"file_count",message:"file_count limited to 1000 assets"}]',
    source:
      'https://docs.github.com/en/repositories/releasing-projects-on-github/about-releases#storage-and-bandwidth-quotas; the body as observed in https://github.com/leeguooooo/AgentParty/issues/974 and https://github.com/astral-sh/python-build-standalone/pull/691'
  },
  'asset-not-empty': {
    summary:
      'An empty (0-byte) asset is refused: 422 errors [{resource:"ReleaseAsset",code:"custom",field:"size",message:"size must be greater than or equal to 1"}]',
    source:
      'observed from GitHub in https://github.com/svenstaro/upload-release-action/issues/94 and https://github.com/xresloader/upload-to-github-release/issues/37'
  },
  'asset-digest': {
    summary: 'Each uploaded asset reports digest "sha256:<hex>" computed over the bytes GitHub received',
    source: 'https://github.blog/changelog/2025-06-03-releases-now-expose-digests-for-release-assets/'
  },
  'starter-asset': {
    summary:
      'An upload that fails midway leaves an empty asset in state "starter" (not in the schema’s enum) that blocks its name until deleted',
    source:
      'OpenAPI description of repos/upload-release-asset ("This may leave an empty asset with a state of `starter`"); https://github.com/concourse/github-release-resource/pull/116'
  },
  'upload-headers-required': {
    summary: 'Uploads need Content-Length and Content-Type; the asset keeps Content-Type as its content_type',
    source:
      'OpenAPI description of repos/upload-release-asset ("the required Content-Length header", "Use the required Content-Type header")'
  },
  'uploads-origin': {
    summary: 'Assets are uploaded to the upload_url origin (uploads.github.com), not to the API origin',
    source:
      'OpenAPI `servers` of repos/upload-release-asset; https://docs.github.com/en/rest/releases/assets#upload-a-release-asset'
  },
  'asset-name-sanitised': {
    summary:
      'Special characters in asset names are replaced with "." and leading/trailing periods dropped (approximation)',
    source:
      'OpenAPI description of repos/upload-release-asset ("GitHub renames asset filenames that have special characters")'
  },
  'asset-download-redirect': {
    summary:
      'GET asset with Accept: application/octet-stream answers 302 to a short-lived signed URL on another origin',
    source: 'https://docs.github.com/en/rest/releases/assets#get-a-release-asset'
  },
  'download-refuses-authorization': {
    summary:
      'The signed download origin answers 400 InvalidArgument "Only one auth mechanism allowed" when an Authorization header is sent',
    source: 'https://github.com/octokit/octokit.js/issues/967 and https://github.com/octokit/rest.js/issues/6'
  },
  'draft-hidden-by-tag': {
    summary: 'Get-release-by-tag finds published releases only; a draft answers 404',
    source:
      'OpenAPI description of repos/get-release-by-tag ("Get a published release"); https://github.com/github/developer.github.com/pull/784'
  },
  'draft-has-no-tag': {
    summary:
      'A draft release does not create its git tag; publishing it does (at target_commitish unless the tag exists)',
    source:
      'https://github.com/github/developer.github.com/pull/784 and https://github.com/googleapis/release-please-action/issues/833'
  },
  'release-tag-unique': {
    summary:
      'Published releases have distinct tags (422 already_exists on tag_name); drafts may share one; an immutable release’s tag is never reused',
    source:
      'https://github.com/ncipollo/release-action/issues/8 and https://docs.github.com/en/code-security/concepts/supply-chain-security/immutable-releases'
  },
  'immutable-tag-reserved': {
    summary:
      'The tag of a deleted immutable release can never be used again: creating or publishing a release with it gets 422 errors [{resource:"Release",code:"custom",field:"tag_name",message:"tag_name was used by an immutable release"}]',
    source:
      'https://docs.github.com/en/code-security/concepts/supply-chain-security/immutable-releases ("If you delete the immutable release, you can delete the tag, but you cannot reuse the same tag name"); the 422 body (code "custom", that message) as reported against GitHub in this project\'s issue 8'
  },
  'make-latest': {
    summary:
      'make_latest ("true" | "false" | "legacy") defaults to "true" for newly published releases; GET /releases/latest answers the release marked latest (drafts and prereleases never are)',
    source:
      'https://docs.github.com/en/rest/releases/releases#create-a-release and #update-a-release (make_latest), #get-the-latest-release'
  },
  'immutable-release': {
    summary:
      'With immutable releases, a published release refuses asset upload/delete (422) and its tag cannot be moved or deleted',
    source:
      'https://docs.github.com/en/code-security/concepts/supply-chain-security/immutable-releases; message as in https://github.com/rubyists/linear-cli-ex/issues/18'
  },
  'release-delete-keeps-tag': {
    summary: 'Deleting a release leaves its git tag in place',
    source:
      'https://cli.github.com/manual/gh_release_delete (--cleanup-tag: "Delete the specified tag in addition to its release")'
  },
  'no-self-approval': {
    summary: 'The author of a pull request cannot approve it or request changes (422)',
    source:
      'https://docs.github.com/en/pull-requests/collaborating-with-pull-requests/reviewing-changes-in-pull-requests/approving-a-pull-request-with-required-reviews'
  },
  'check-run-conclusion-completes': {
    summary: 'Giving a check run a conclusion sets its status to completed (and completed_at)',
    source: 'https://docs.github.com/en/rest/checks/runs#create-a-check-run'
  },
  'pagination-link': {
    summary: 'List endpoints page with per_page (default 30, max 100) and page, and send a Link header',
    source: 'https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api'
  },
  'pagination-cap': {
    summary:
      'Listing releases reaches the first 1000 results only; a page past them answers 422 "Only the first 1000 results are available.", though the Link header of page 10 (per_page 100) still names a next page, so a client following the links through a longer list fails',
    source:
      'https://docs.github.com/en/rest/releases/releases#list-releases (paged list); the cap and its exact 422 text as GitHub answers list-releases past page 10 of 100: https://github.com/homarr-labs/homarr/issues/6559 (the Releases widget on home-assistant/core: "Only the first 1000 results are available"), and the same "Only the first 1000 results are available." compared verbatim against list-releases responses by clients such as PyGithub users (GithubException text) and Octokit users (error.response.data.message); that those clients meet it by following the Link header (PyGithub iterates while a next link is given, Octokit\'s paginate likewise) is why the header names pages past the cap'
  },
  'pull-not-mergeable': {
    summary: 'Merging a pull request that is closed or conflicts answers 405 "Pull Request is not mergeable"',
    source:
      'https://docs.github.com/en/rest/pulls/pulls#merge-a-pull-request (405 Method Not Allowed if merge cannot be performed)'
  },
  'push-ruleset-violation': {
    summary:
      'A git push a ruleset refuses (pull request required; required status checks not passed on the pushed commit) answers `ng <ref> push declined due to repository rule violations` with side-band lines `error: GH013: Repository rule violations found for <ref>.`, `Review all repository rules at …/rules?ref=…`, and one `- <rule>` line per rule ("Changes must be made through a pull request.", `Required status check "<context>" is expected.` or "N of M required status checks are expected."); actors in the bypass list push freely. Nothing lands.',
    source:
      'https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/managing-rulesets/available-rules-for-rulesets (require a pull request; require status checks: "commits must first be pushed to another branch, then merged or pushed directly … after status checks have passed"; bypass list: https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/managing-rulesets/creating-rulesets-for-a-repository#granting-bypass-permissions-for-your-branch-or-tag-ruleset); wording as reported from GitHub in https://github.com/yshavit/mdq/pull/255, https://github.com/JRedrupp/bison/issues/136 and https://github.com/gleam-lang/gleam/pull/6080'
  },
  'push-protected-branch': {
    summary:
      'Classic branch protection refuses a direct push with `ng <ref> protected branch hook declined` and side-band lines `error: GH006: Protected branch update failed for <ref>.` and `error: <rule>` (e.g. `Required status check "<context>" is expected.`); "allow specified actors to bypass required pull requests" exempts from the pull request requirement only',
    source:
      'https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/managing-protected-branches/about-protected-branches (require pull request reviews: bypass for specified actors; require status checks); wording as reported in https://github.com/pretis/flexpret/issues/40 and https://github.com/SageMathOER-CCC/sage-discrete-math/issues/84'
  },
  'merge-ruleset-violation': {
    summary:
      'Merging a pull request into a branch whose ruleset is not met (too few approvals from reviewers other than the author; required status not successful on the head commit) answers 405 "Repository rule violations found" followed by the rule lines',
    source:
      'https://docs.github.com/en/rest/pulls/pulls#merge-a-pull-request (405 if merge cannot be performed); https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/managing-rulesets/available-rules-for-rulesets (required approvals; the author cannot approve); message prefix as reported in https://github.com/satisfactory-factories/application/issues/67'
  },
  'git-push-permission': {
    summary:
      "A token without contents: write that pushes over git (or without contents: read that fetches) gets 403 with the text `Permission to <owner>/<repo>.git denied to <login>.` (git prints it as a `remote:` line); the token's one permission set is the same the REST API checks (tokens.ts)",
    source:
      'https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token (contents: write to push); wording as reported in https://github.com/ad-m/github-push-action/issues/96 and https://github.com/Medical-Software-Foundation/canvas/pull/184'
  },
  'token-permissions': {
    summary:
      'A token lacking the permission an endpoint needs gets 403 "Resource not accessible by integration" with x-accepted-github-permissions naming the sets that would do (";" between alternatives)',
    source:
      'https://docs.github.com/en/rest/authentication/permissions-required-for-github-apps and https://github.blog/changelog/2023-08-10-x-accepted-github-permissions-header-for-fine-grained-permission-actors'
  },
  'actions-pull-request-setting': {
    summary:
      'With "Allow GitHub Actions to create and approve pull requests" off, the Actions token (GITHUB_TOKEN, github-actions[bot]) creating a pull request or approving one gets 403 "GitHub Actions is not permitted to create or approve pull requests."; other tokens (a GitHub App installation token, a personal access token) are not concerned',
    source:
      'https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/enabling-features-for-your-repository/managing-github-actions-settings-for-a-repository#preventing-github-actions-from-creating-or-approving-pull-requests; https://github.blog/changelog/2022-05-03-github-actions-prevent-github-actions-from-creating-and-approving-pull-requests/; message as reported in https://github.com/peter-evans/create-pull-request/issues/1175 and #3979 ; the setting sits under "Workflow permissions", the permissions of GITHUB_TOKEN (https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token), so it concerns that token only'
  },
  'collaborator-permission': {
    summary:
      'GET /collaborators/{u}/permission answers permission admin|write|read|none (maintain counts as write, triage as read; role_name exact); author_association is OWNER, COLLABORATOR or NONE and says nothing about the level',
    source:
      'https://docs.github.com/en/rest/collaborators/collaborators#get-repository-permissions-for-a-user and https://docs.github.com/en/graphql/reference/enums#commentauthorassociation'
  },
  'pull-link-delay': {
    summary:
      'A merged pull request is linked to its commits asynchronously: for a while after the merge, "list pull requests associated with a commit" does not list it (state.pullLinkDelayMs)',
    source:
      "https://docs.github.com/en/rest/commits/commits#list-pull-requests-associated-with-a-commit; an empty answer for a merged commit as observed in https://github.com/DefinitelyTyped/dt-mergebot/pull/370 and reported in this project's issue 8"
  },
  'raw-media-type': {
    summary:
      "With Accept `application/vnd.github.raw` (or `.v3.raw`, `.raw+json`), get-a-blob and get-repository-content answer a file's bytes instead of base64 JSON; a directory is listed as JSON whatever was asked",
    source:
      'https://docs.github.com/en/rest/git/blobs#custom-media-types-for-blobs and https://docs.github.com/en/rest/repos/contents#get-repository-content ("application/vnd.github.raw+json: Returns the raw file contents for files and symlinks")'
  },
  'contents-directory-limit': {
    summary:
      'get-repository-content lists at most the first 1,000 entries of a directory (in tree order); the rest are left out without a sign',
    source:
      'https://docs.github.com/en/rest/repos/contents#get-repository-content ("This API has an upper limit of 1,000 files for a directory. If you need to retrieve more files, use the Git Trees API.")'
  },
  'api-ref-ruleset-violation': {
    summary:
      'Creating or updating a branch through the REST API (POST /git/refs, PATCH /git/refs/{ref}) meets the same rulesets as a push (git/push-rules.ts, shared code): a refused update answers 422 "Repository rule violations found" followed by the rule lines, a classic protection 422 "Protected branch update failed for <ref>." and the rule lines; nothing moves',
    source:
      'https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/managing-rulesets/about-rulesets (rulesets apply to everyone pushing to or updating the branch, whatever the means); the 422 of https://docs.github.com/en/rest/git/refs#update-a-reference; the repository-rule-violation-error schema of the OpenAPI description (git/create-blob 422)'
  },
  'git-database-tree-entries': {
    summary:
      'POST /git/trees with base_tree keeps every entry not named, creates the subtrees of nested paths, writes `content` as a blob, deletes with `sha: null` (422 for a path that does not exist), refuses sha and content together (422)',
    source: 'https://docs.github.com/en/rest/git/trees#create-a-tree'
  },
  'conditional-request': {
    summary:
      'A successful GET carries an ETag (per token); sent back in If-None-Match while the resource is unchanged it answers 304 with no body, which does not count against the primary rate limit',
    source:
      'https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate; per-token ETags as reported in https://github.com/github/docs/issues/34689'
  },
  'not-emulated': {
    summary: 'A request for an operation the emulator does not implement fails loudly (500) and is recorded',
    source: 'emulator policy: a product calling an endpoint the tests do not cover must not pass silently'
  },
  'injected-fault': {
    summary: 'A response forced by the fault injector',
    source: 'test hook (faults.ts)'
  }
} as const satisfies Record<string, Rule>

export type RuleName = keyof typeof RULES
