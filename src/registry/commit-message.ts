/**
 * Commit messages on the registry branch: a subject line, optional body, and trailers
 * (`Model-Id: …`) in the last paragraph, where `git interpret-trailers` and GitHub look for them.
 */
import { RegistryError } from '../domain/errors.js'

export interface MessageParts {
  subject: string
  body: string
  trailers: Record<string, string>
}

const TRAILER_KEY = /^[A-Za-z0-9][A-Za-z0-9-]*$/
const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*): ?(.*)$/

const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ').trim()

export function formatCommitMessage(change: {
  subject: string
  body?: string
  trailers?: Record<string, string>
}): string {
  const subject = oneLine(change.subject)
  if (!subject) throw new RegistryError('invalid-input', 'a registry commit needs a subject')
  const paragraphs = [subject]
  const body = change.body?.replace(/\r\n/g, '\n').trim()
  if (body) paragraphs.push(body)
  const trailers = Object.entries(change.trailers ?? {}).map(([key, value]) => {
    if (!TRAILER_KEY.test(key))
      throw new RegistryError('invalid-input', `not a valid commit trailer key: "${key}"`)
    return `${key}: ${oneLine(value)}`
  })
  if (trailers.length > 0) paragraphs.push(trailers.join('\n'))
  return `${paragraphs.join('\n\n')}\n`
}

/**
 * The inverse of formatCommitMessage, tolerant of messages written by others (merge commits, the
 * git CLI): the last paragraph counts as trailers only when every line in it is one. A repeated
 * key keeps its first value.
 */
export function parseCommitMessage(message: string): MessageParts {
  const text = message.replace(/\r\n/g, '\n').trim()
  const newline = text.indexOf('\n')
  const subject = newline < 0 ? text : text.slice(0, newline).trim()
  const rest = newline < 0 ? '' : text.slice(newline + 1).trim()
  if (!rest) return { subject, body: '', trailers: {} }
  const paragraphs = rest.split(/\n[ \t]*\n/)
  const last = (paragraphs[paragraphs.length - 1] ?? '').trim().split('\n')
  const trailers: Record<string, string> = {}
  if (last.every(line => TRAILER_LINE.test(line))) {
    for (const line of last) {
      const [, key, value] = TRAILER_LINE.exec(line) as RegExpExecArray
      if (key !== undefined && !(key in trailers)) trailers[key] = (value ?? '').trim()
    }
    paragraphs.pop()
  }
  return { subject, body: paragraphs.join('\n\n').trim(), trailers }
}
