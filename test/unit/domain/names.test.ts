import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import {
  NAME_PATTERN,
  parseMetricName,
  parseModelType,
  parseName,
  parseStage,
  parseTag
} from '../../../src/domain/names.js'
import { defaultPolicy } from '../../../src/domain/policy.js'
import { thrown } from './fixtures.js'

const RULE = "use lowercase letters, digits, '.', '_' or '-', starting with a letter or digit (max 63)"

describe('parseName', () => {
  test.each(['theft-detector', 'isolation_forest', 'a', '0', 'model.v2', 'a'.repeat(63)])(
    'accepts %s',
    name => {
      expect(parseName(name)).toBe(name)
    }
  )

  test('gives the exact message for a name with a space and uppercase', () => {
    expect(thrown(() => parseName('Foo Bar'))).toEqual({
      kind: 'invalid-input',
      message: `invalid model name "Foo Bar": ${RULE}`
    })
  })

  test.each([
    ['a/b', `invalid model name "a/b": ${RULE}`],
    ['../etc', `invalid model name "../etc": '..' is not allowed; ${RULE}`],
    ['a..b', `invalid model name "a..b": '..' is not allowed; ${RULE}`],
    ['.', `invalid model name ".": ${RULE}`],
    ['.hidden', `invalid model name ".hidden": ${RULE}`],
    ['has space', `invalid model name "has space": ${RULE}`],
    ['Upper', `invalid model name "Upper": ${RULE}`],
    ['-dash', `invalid model name "-dash": ${RULE}`],
    ['a'.repeat(64), `invalid model name "${'a'.repeat(64)}": ${RULE}`],
    ['', `model name is empty: ${RULE}`],
    ['tab\t', `invalid model name "tab\t": ${RULE}`]
  ])('refuses %j', (input, message) => {
    expect(thrown(() => parseName(input))).toEqual({ kind: 'invalid-input', message })
  })

  test('names what was being parsed', () => {
    expect(thrown(() => parseModelType('Isolation Forest')).message).toBe(
      `invalid model type "Isolation Forest": ${RULE}`
    )
    expect(parseModelType('dbscan')).toBe('dbscan')
  })

  test('property: whatever it accepts is one safe path segment', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), s => {
        let ok = true
        try {
          parseName(s)
        } catch {
          ok = false
        }
        if (ok) {
          expect(NAME_PATTERN.test(s)).toBe(true)
          expect(s.includes('/')).toBe(false)
          expect(s.includes('..')).toBe(false)
          expect(s === '.' || s === '').toBe(false)
        }
      })
    )
  })
})

describe('parseTag', () => {
  test.each(['high_recall', 'v1.2', 'Team:fraud', 'exp+42', 'A'])('accepts %s', tag => {
    expect(parseTag(tag)).toBe(tag)
  })
  test.each(['', 'with space', '-x', 'a/b', 'x'.repeat(65)])('refuses %j', tag => {
    expect(thrown(() => parseTag(tag))).toEqual({
      kind: 'invalid-input',
      message: `invalid tag "${tag}": use letters, digits, '_', '.', ':', '+' or '-', starting with a letter or digit (max 64)`
    })
  })
})

describe('parseMetricName', () => {
  test.each(['f1_score', 'AUC', 'loss.val', 'p-at-10'])('accepts %s', m => {
    expect(parseMetricName(m)).toBe(m)
  })
  test.each(['', '1f', '_x', 'a b', '__proto__', 'a/b'])('refuses %j', m => {
    expect(thrown(() => parseMetricName(m))).toEqual({
      kind: 'invalid-input',
      message: `invalid metric name "${m}": use letters, digits, '_', '.' or '-', starting with a letter (max 64)`
    })
  })
})

describe('parseStage', () => {
  const policy = defaultPolicy()
  test('accepts a declared stage', () => {
    expect(parseStage(policy, 'canary')).toBe('canary')
  })
  test.each(['prod', 'Production', '', 'constructor'])('refuses %j and lists the known stages', s => {
    expect(thrown(() => parseStage(policy, s))).toEqual({
      kind: 'invalid-input',
      message: `unknown stage "${s}": use one of development, staging, canary, production, shadow, deprecated, archived`
    })
  })
})
