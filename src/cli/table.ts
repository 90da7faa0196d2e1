/** Aligned plain-text tables for human output. */
import { safeLine } from './terminal.js'

export type Align = 'left' | 'right'

export interface Column {
  header: string
  align?: Align
}

/** Display width, counting each code point once (metric names and arrows are narrow). */
function width(text: string): number {
  return [...text].length
}

function pad(text: string, size: number, align: Align): string {
  const gap = ' '.repeat(Math.max(0, size - width(text)))
  return align === 'right' ? gap + text : text + gap
}

/** Cells are one line each: a line break or escape sequence inside one (from notes…) is shown escaped. */
export function table(columns: Column[], unsafeRows: string[][]): string {
  const rows = unsafeRows.map(safeCells)
  const widths = columnWidths(columns, rows)
  return [
    tableLine(
      columns,
      widths,
      columns.map(c => c.header)
    ),
    ...rows.map(row => tableLine(columns, widths, row))
  ].join('\n')
}

/** How many rows a streamed table measures its columns by (src/cli/render/versions.ts). */
export const TABLE_PAGE = 100

export function safeCells(row: string[]): string[] {
  return row.map(safeLine)
}

/** The width of each column: its header or its widest cell among `rows` (already safe). */
export function columnWidths(columns: Column[], rows: string[][]): number[] {
  return columns.map((column, i) => Math.max(width(column.header), ...rows.map(row => width(row[i] ?? ''))))
}

/** One line of a table; a cell wider than its column pushes the rest of its line along. */
export function tableLine(columns: Column[], widths: number[], cells: string[]): string {
  return cells
    .map((cell, i) => pad(cell, widths[i] ?? 0, columns[i]?.align ?? 'left'))
    .join('  ')
    .trimEnd()
}

/** `key  value` lines with the keys aligned. */
export function fields(entries: [string, string][]): string {
  const size = Math.max(...entries.map(([key]) => width(key)))
  return entries.map(([key, value]) => `${pad(key, size, 'left')}  ${safeLine(value)}`).join('\n')
}

export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value)
  return Math.abs(value) >= 1000 ? value.toFixed(1) : String(Number(value.toPrecision(4)))
}

export function formatSigned(value: number): string {
  return (value > 0 ? '+' : value < 0 ? '−' : '±') + formatNumber(Math.abs(value))
}
