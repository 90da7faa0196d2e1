import { describe, expect, test } from '@jest/globals'
import { formatCommitMessage, parseCommitMessage } from '../../../src/registry/commit-message.js'

describe('commit messages', () => {
  test('round-trip subject, body and trailers', () => {
    const parts = {
      subject: 'promote a 1.0.0: staging → production',
      body: 'Approved in review.\n\nSecond paragraph.',
      trailers: { 'Model-Id': 'a_20260101_120000', 'Workflow-Run': 'https://example.test/runs/1' }
    }
    const message = formatCommitMessage(parts)
    expect(message).toBe(
      'promote a 1.0.0: staging → production\n\nApproved in review.\n\nSecond paragraph.\n\nModel-Id: a_20260101_120000\nWorkflow-Run: https://example.test/runs/1\n'
    )
    expect(parseCommitMessage(message)).toEqual(parts)
  })

  test('subject only, and newlines kept out of subject and trailer values', () => {
    expect(formatCommitMessage({ subject: 'one\ntwo', trailers: { Note: 'a\nb' } })).toBe(
      'one two\n\nNote: a b\n'
    )
    expect(parseCommitMessage('just a subject\n')).toEqual({
      subject: 'just a subject',
      body: '',
      trailers: {}
    })
  })

  test('a last paragraph with a non-trailer line is body', () => {
    expect(parseCommitMessage('Merge pull request #4 from x/y\n\npromote a\nKey: v\n')).toEqual({
      subject: 'Merge pull request #4 from x/y',
      body: 'promote a\nKey: v',
      trailers: {}
    })
  })

  test('refuses an empty subject and a bad trailer key', () => {
    expect(() => formatCommitMessage({ subject: '  ' })).toThrow(/subject/)
    expect(() => formatCommitMessage({ subject: 's', trailers: { 'Bad Key': 'v' } })).toThrow(/trailer key/)
  })
})
