/**
 * The policy check of a proposed change to the registry branch (a pull request): base → head,
 * judged by the policy in force on the base, so a change cannot loosen the rules it is judged by.
 * Everything arrives as parsed JSON and is validated here: the pull request's content is data,
 * never code, and a document that does not match its schema is a finding, not a crash.
 * Pure: the command reads both commits and the review channel, this decides. The rules for one
 * version live in review-version.ts; the derived files' in review-derived.ts.
 */
import { integrityError, isRegistryError } from './errors.js'
import { jsonEqual } from './json-diff.js'
import { checkIndexConsistency } from './model-index.js'
import { checkDerived } from './review-derived.js'
import { checkPolicyConsistency } from './policy.js'
import { reviewRegistration, reviewVersion, type VersionContext } from './review-version.js'
import type { ModelIndex, ModelVersion, RegistryPolicy } from './types.js'
import { validateModelIndex, validateModelVersion, validatePolicy } from './validate.js'
import { sortVersions } from './versions.js'

import {
  POLICY_LABEL,
  versionKey,
  type DocumentAt,
  type GateReport,
  type HeadState,
  type ReviewFinding,
  type ReviewInput,
  type ReviewResult,
  type StageChange
} from './review-model.js'

export { isOpenRegistrationStage } from './policy.js'
export * from './review-model.js'
export * from './review-verdict.js'

/** models/<name>/<version>.json (layout 1) or models/<name>/versions/<a>/<b>/<c>/<version>.json (layout 2). */
const VERSION_PATH = /^models\/([^/]+)\/(?:versions\/[0-9a-f]\/[0-9a-f]\/[0-9a-f]\/)?([^/]+)\.json$/
const INDEX_FILE = 'index'
const HEAD_FILE = 'head'

interface Parsed {
  path: string
  name: string
  version: string
  /** null when the document is invalid (reported once, then left out of every other rule). */
  doc: ModelVersion | null
}

const key = versionKey

function message(error: unknown): string {
  if (isRegistryError(error)) return error.message
  throw error
}

/** Validated registry.json, or the reason it is not valid. */
export function parsePolicy(raw: unknown, where = 'registry.json'): RegistryPolicy | string {
  if (raw === null || raw === undefined) return `${where}: missing`
  try {
    return checkPolicyConsistency(validatePolicy(raw, where, 'integrity'), where, 'integrity')
  } catch (error) {
    return message(error)
  }
}

function parseVersions(documents: DocumentAt[], side: string, findings: ReviewFinding[] | null): Parsed[] {
  const parsed: Parsed[] = []
  for (const { path, content, error: unreadable } of documents) {
    const match = VERSION_PATH.exec(path)
    if (!match || match[2] === INDEX_FILE || match[2] === HEAD_FILE) continue
    const [, name = '', version = ''] = match
    let doc: ModelVersion | null = null
    try {
      if (unreadable !== undefined) throw integrityError(unreadable)
      doc = validateModelVersion(content, path, 'integrity')
      if (doc.name !== name || doc.version !== version) {
        findings?.push({
          severity: 'error',
          kind: 'invalid-document',
          subject: key(name, version),
          file: path,
          message: `${path} holds ${doc.name}@${doc.version}; a version file must be models/<name>/<version>.json`
        })
        doc = null
      }
    } catch (error) {
      findings?.push({
        severity: 'error',
        kind: 'invalid-document',
        subject: key(name, version),
        file: path,
        message: `${side}: ${message(error)}`
      })
    }
    parsed.push({ path, name, version, doc })
  }
  return parsed
}

export function reviewChange(input: ReviewInput): ReviewResult {
  const findings: ReviewFinding[] = []
  const changes: StageChange[] = []
  const gates: GateReport[] = []

  const basePolicy = input.base.policyError ?? parsePolicy(input.base.policy)
  const headPolicy = input.head.policyError ?? parsePolicy(input.head.policy)
  for (const problem of input.head.problems ?? []) {
    findings.push({
      severity: 'error',
      kind: 'invalid-document',
      subject: problem.path,
      file: problem.path,
      message: problem.message
    })
  }
  if (typeof headPolicy === 'string') {
    findings.push({
      severity: 'error',
      kind: 'invalid-document',
      subject: 'registry.json',
      file: 'registry.json',
      message: headPolicy
    })
  }
  checkPolicyEdit(input, findings)
  checkOtherPaths(input, findings)
  // The base's rules judge the change; a base without a valid policy (a broken registry being
  // repaired) can only be judged by the head's.
  const policy =
    typeof basePolicy !== 'string' ? basePolicy : typeof headPolicy !== 'string' ? headPolicy : null

  const base = parseVersions(input.base.versions, 'base', null)
  const head = parseVersions(input.head.versions, 'head', findings)
  const baseByKey = new Map(base.map(p => [key(p.name, p.version), p]))
  const headByKey = new Map(head.map(p => [key(p.name, p.version), p]))

  for (const old of base) {
    if (!headByKey.has(key(old.name, old.version))) {
      findings.push({
        severity: 'error',
        kind: 'removed-version',
        subject: key(old.name, old.version),
        file: old.path,
        message: `${old.path} is removed; versions are never deleted through a pull request (retention archives them)`
      })
    }
  }

  if (!policy) {
    findings.push({
      severity: 'error',
      kind: 'invalid-document',
      subject: 'registry.json',
      file: 'registry.json',
      message: 'no valid registry.json on either side: the change cannot be judged'
    })
    return finish(findings, changes, gates)
  }

  const headDocs = head.flatMap(p => (p.doc ? [p.doc] : []))
  const baseDocs = base.flatMap(p => (p.doc ? [p.doc] : []))
  const context: VersionContext = { policy, input, headDocs, baseDocs, findings, changes, gates }
  for (const current of head) {
    if (!current.doc) continue
    const previous = baseByKey.get(key(current.name, current.version))
    if (previous && !previous.doc) {
      findings.push({
        severity: 'warning',
        kind: 'invalid-document',
        subject: key(current.name, current.version),
        file: current.path,
        message: `the base's ${current.path} is not valid, so changes to it cannot be checked field by field`
      })
      continue
    }
    if (previous?.doc) reviewVersion(context, previous.doc, current.doc, current.path)
    else reviewRegistration(context, current.doc, current.path)
  }

  checkExclusiveStages(policy, headDocs, findings)
  if (input.head.derived)
    checkDerived(
      input.head,
      head.filter(p => !p.doc).map(p => p.name),
      findings
    )
  else checkIndexes(input.head, head, findings)
  return finish(findings, changes, gates)
}

function finish(findings: ReviewFinding[], changes: StageChange[], gates: GateReport[]): ReviewResult {
  return { passed: findings.every(f => f.severity !== 'error'), findings, changes, gates }
}

function checkPolicyEdit(input: ReviewInput, findings: ReviewFinding[]): void {
  const same =
    jsonEqual(input.base.policy ?? null, input.head.policy ?? null) &&
    input.base.policyError === input.head.policyError
  if (same) return
  const subject = 'registry.json'
  if (input.labels === null) {
    findings.push({
      severity: 'warning',
      kind: 'policy-change',
      subject,
      file: subject,
      message: `registry.json changes: no review channel here to require the "${POLICY_LABEL}" label`
    })
  } else if (!input.labels.includes(POLICY_LABEL)) {
    findings.push({
      severity: 'error',
      kind: 'policy-change',
      subject,
      file: subject,
      message: `registry.json changes the policy: add the "${POLICY_LABEL}" label to the pull request to allow it`
    })
  }
}

function checkOtherPaths(input: ReviewInput, findings: ReviewFinding[]): void {
  for (const path of input.otherPaths ?? []) {
    if (input.labels === null) {
      findings.push({
        severity: 'warning',
        kind: 'other-file',
        subject: path,
        file: path,
        message: `${path} changes outside registry.json and models/: no review channel here to require the "${POLICY_LABEL}" label`
      })
    } else if (!input.labels.includes(POLICY_LABEL)) {
      findings.push({
        severity: 'error',
        kind: 'other-file',
        subject: path,
        file: path,
        message: `${path} changes outside registry.json and models/ (it could change the workflows that run this check): add the "${POLICY_LABEL}" label to allow it`
      })
    }
  }
}

function checkExclusiveStages(
  policy: RegistryPolicy,
  versions: ModelVersion[],
  findings: ReviewFinding[]
): void {
  const byModel = new Map<string, ModelVersion[]>()
  for (const v of versions) {
    // appended in place: a copy per version was quadratic in a model's versions
    const list = byModel.get(v.name)
    if (list) list.push(v)
    else byModel.set(v.name, [v])
  }
  for (const [name, list] of byModel) {
    for (const stage of policy.exclusive_stages) {
      const holders = sortVersions(list.filter(v => v.deployment_stage === stage).map(v => v.version))
      if (holders.length > 1) {
        findings.push({
          severity: 'error',
          kind: 'exclusive-stage',
          subject: name,
          message: `${stage} is exclusive but ${holders.length} versions hold it (${holders.join(', ')}); demote all but one to ${policy.demote_to}`
        })
      }
    }
  }
}

function checkIndexes(head: HeadState, versions: Parsed[], findings: ReviewFinding[]): void {
  const names = new Set(versions.map(p => p.name))
  const indexes = new Map<string, DocumentAt>()
  for (const document of head.indexes) {
    const match = VERSION_PATH.exec(document.path)
    if (match && match[2] === INDEX_FILE && match[1]) {
      indexes.set(match[1], document)
      names.add(match[1])
    }
  }
  for (const name of [...names].sort()) {
    const path = `models/${name}/index.json`
    const mine = versions.filter(p => p.name === name)
    const push = (text: string): void => {
      findings.push({ severity: 'error', kind: 'index-mismatch', subject: name, file: path, message: text })
    }
    if (!indexes.has(name)) {
      if (mine.length > 0) push(`${path} is missing; it must list every version file of ${name}`)
      continue
    }
    let index: ModelIndex
    try {
      const document = indexes.get(name) as DocumentAt
      if (document.error !== undefined) throw integrityError(document.error)
      index = validateModelIndex(document.content, path, 'integrity')
    } catch (error) {
      findings.push({
        severity: 'error',
        kind: 'invalid-document',
        subject: name,
        file: path,
        message: message(error)
      })
      continue
    }
    // An invalid version file is reported already; comparing the index with the rest would only
    // add a confusing "does not exist" for it.
    if (mine.some(p => !p.doc)) continue
    if (index.name !== name) {
      push(`${path} names model "${index.name}"; it must be "${name}"`)
      continue
    }
    for (const problem of checkIndexConsistency(
      index,
      mine.flatMap(p => (p.doc ? [p.doc] : []))
    )) {
      push(problem)
    }
  }
}
