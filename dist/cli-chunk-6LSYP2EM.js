import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  safeLine
} from "./cli-chunk-NMVSHCH7.js";

// src/cli/table.ts
function width(text) {
  return [...text].length;
}
function pad(text, size, align) {
  const gap = " ".repeat(Math.max(0, size - width(text)));
  return align === "right" ? gap + text : text + gap;
}
function table(columns, unsafeRows) {
  const rows = unsafeRows.map(safeCells);
  const widths = columnWidths(columns, rows);
  return [
    tableLine(
      columns,
      widths,
      columns.map((c) => c.header)
    ),
    ...rows.map((row) => tableLine(columns, widths, row))
  ].join("\n");
}
var TABLE_PAGE = 100;
function safeCells(row) {
  return row.map(safeLine);
}
function columnWidths(columns, rows) {
  return columns.map((column, i) => Math.max(width(column.header), ...rows.map((row) => width(row[i] ?? ""))));
}
function tableLine(columns, widths, cells) {
  return cells.map((cell, i) => pad(cell, widths[i] ?? 0, columns[i]?.align ?? "left")).join("  ").trimEnd();
}
function fields(entries) {
  const size = Math.max(...entries.map(([key]) => width(key)));
  return entries.map(([key, value]) => `${pad(key, size, "left")}  ${safeLine(value)}`).join("\n");
}
function formatNumber(value) {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 1e3 ? value.toFixed(1) : String(Number(value.toPrecision(4)));
}
function formatSigned(value) {
  return (value > 0 ? "+" : value < 0 ? "\u2212" : "\xB1") + formatNumber(Math.abs(value));
}

export {
  table,
  TABLE_PAGE,
  safeCells,
  columnWidths,
  tableLine,
  fields,
  formatNumber,
  formatSigned
};
