/**
 * Hostile input for the reliability suite (issue 11): the strings, files and JSON documents a
 * careless or malicious user, script or commit can hand mreg, as fast-check arbitraries, and the
 * rule every outcome is judged by.
 */
import { execFileSync } from 'node:child_process'
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from '@jest/globals'
import fc from 'fast-check'

/** How many generated cases a property runs: modest in `npm test`, more under `npm run stress`. */
export const FUZZ_RUNS = Number(process.env.MREG_FUZZ_RUNS ?? 0) || undefined

export const TEN_MB = 'x'.repeat(10 * 1024 * 1024)
export const DEEP_ARRAY = '['.repeat(10_000) + ']'.repeat(10_000)
export const DEEP_OBJECT = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)

/** The named hostile strings of the issue, each as it would arrive in argv or an input. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  'a/b',
  'a\\b',
  '/etc/passwd',
  '..',
  '../../outside',
  'x/../../y',
  'a\0b',
  'line\nbreak',
  'cr\rreturn',
  '\x1b[31mred\x1b[0m',
  '\x1b]8;;http://evil.example\x07link\x1b]8;;\x07',
  '\u202eevil\u202c',
  // unicode look-alikes: Cyrillic а, fullwidth letters, a combining mark, a zero-width joiner
  'аdmin',
  'ｄｅｔｅｃｔｏｒ',
  'de\u0301tector',
  'de\u200dtector',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '"0.5"',
  '{"f1_score":"0.5"}',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '-1e400',
  '1e-400',
  '0x10',
  '-0',
  '-1',
  '9007199254740993',
  'f1_score=NaN',
  'f1_score=1e400',
  'f1_score=Infinity',
  '__proto__=1',
  'constructor=1',
  '-h',
  '--help',
  '--json',
  '-',
  '@',
  'detector@',
  '@latest',
  'detector@@latest',
  'detector@../../x',
  'detector@1.0.0\n',
  '\ud800',
  DEEP_ARRAY,
  DEEP_OBJECT,
  'y'.repeat(100_000)
]

/** Fragments mixed into otherwise valid values (`detector<frag>`, `f1_score=<frag>`). */
const FRAGMENTS = [
  '/',
  '..',
  '\0',
  '\n',
  '\x1b[2J',
  '\u202e',
  'а',
  '\\',
  '%2e%2e',
  '@',
  '=',
  ',',
  ' ',
  '"',
  '{'
]

/** A hostile string: a named one, a fragment inside a valid-looking value, or random text. */
export function hostileString(valid = 'detector'): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...FRAGMENTS), fc.nat({ max: valid.length }))
        .map(([fragment, at]) => valid.slice(0, at) + fragment + valid.slice(at))
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) }
  )
}

/** Hostile JSON file contents (bytes): what metrics, config and training files and branch files may hold. */
export const HOSTILE_JSON_BYTES: readonly Buffer[] = [
  '',
  '{',
  'null',
  '[]',
  '"text"',
  '42',
  'NaN',
  'Infinity',
  '{"f1_score": NaN}',
  '{"f1_score": Infinity}',
  '{"f1_score": 1e400}',
  '{"f1_score": -1e400}',
  '{"f1_score": "0.9"}',
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"a": 1, "a": 2}',
  '{"text": "\\u001b[31mred\\u001b[0m\\r\\u202e"}',
  '{"text": "\\ud800"}',
  DEEP_ARRAY,
  DEEP_OBJECT,
  `{"big": "${'z'.repeat(2 * 1024 * 1024)}"}`
]
  .map(text => Buffer.from(text))
  .concat([
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x22, 0x7d]), // {"a":"<invalid UTF-8>"}
    Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), // a byte order mark, then {}
    Buffer.from('{"a": 1}\0')
  ])

/** A value to put somewhere inside a valid document (replacing a field, or as a new one). */
export function hostileJsonValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      null,
      '',
      'NaN',
      '1e400',
      '0.5',
      -1,
      0,
      1e308,
      -0,
      true,
      [],
      {},
      '\x1b[2J\x1b[31m',
      '../../../etc/passwd',
      'a/b',
      '\u202e',
      { __proto__: null, polluted: true },
      JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
      'x'.repeat(70_000)
    ),
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ unit: 'binary', maxLength: 30 })
  )
}

/**
 * Special files where a regular file is expected, made once in `dir`: a directory, a FIFO,
 * /dev/zero, an unreadable file (mode 000; root can still read it, so it may be accepted there),
 * a dangling symlink, a symlink loop, a file of invalid UTF-8 and deep or huge JSON.
 */
export async function hostileFiles(dir: string): Promise<string[]> {
  const root = join(dir, 'hostile-files')
  await mkdir(root, { recursive: true })
  const directory = join(root, 'a-directory')
  await mkdir(directory)
  const fifo = join(root, 'a-fifo')
  execFileSync('mkfifo', [fifo])
  const unreadable = join(root, 'unreadable.json')
  await writeFile(unreadable, '{"f1_score": 0.5}')
  await chmod(unreadable, 0)
  const dangling = join(root, 'dangling')
  execFileSync('ln', ['-s', join(root, 'nowhere'), dangling])
  const loop = join(root, 'loop')
  execFileSync('ln', ['-s', loop, loop])
  const files = [directory, fifo, '/dev/zero', '/dev/null', unreadable, dangling, loop]
  let n = 0
  for (const bytes of HOSTILE_JSON_BYTES) {
    const path = join(root, `content-${n++}.json`)
    await writeFile(path, bytes)
    files.push(path)
  }
  return files
}

/** Fails the test unless `text` (stderr of a failed command) is one line with no stack trace. */
export function expectOneLineError(text: string, context: string): void {
  const lines = text.trimEnd().split('\n')
  if (lines.length !== 1 || lines[0] === '' || /\n\s+at |internal error|this is a bug/.test(text))
    throw new Error(`${context}: not a one-line error: ${JSON.stringify(text.slice(0, 600))}`)
}

/** Fails the test when a prototype-pollution key reached Object.prototype. */
export function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
}

/** Rejects when `work` does not settle within `ms`: a hang fails the property, not jest. */
export async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms (a hang)`)), ms)
      })
    ])
  } finally {
    clearTimeout(timer)
  }
}
