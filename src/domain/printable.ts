/**
 * Printable text (pure; both fronts use it). Text from the registry (notes, dataset versions, config written by anyone who can push to the
 * branch) reaches the user's terminal: control characters in it could move the cursor, rewrite
 * earlier lines, retitle the window or hide text (ANSI escape sequences, carriage returns,
 * bidirectional overrides). Human output shows them as visible escapes instead; --json output
 * is JSON, which escapes them itself.
 */

/** C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and isolates. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** Same, plus tab and newline: for text that must stay on one line (a table cell, an error). */
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

function visible(char: string): string {
  const code = char.charCodeAt(0)
  if (char === '\n') return '\\n'
  if (char === '\t') return '\\t'
  if (char === '\r') return '\\r'
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`
}

/** Multi-line output (a rendering): line breaks and tabs stay, every other control becomes visible. */
export function safeForTerminal(text: string): string {
  return text.replace(UNSAFE, visible)
}

/** One-line text: line breaks and tabs become visible too. */
export function safeLine(text: string): string {
  return text.replace(UNSAFE_IN_LINE, visible)
}

/** Joins a multi-line message into one line (errors and notices are one line on stderr). */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}
