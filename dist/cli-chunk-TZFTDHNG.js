import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  invalidInput
} from "./cli-chunk-VHUSGLFD.js";

// src/domain/time.ts
var UNIT_MS = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
var RELATIVE = /^(\d{1,6})([smhdw])$/;
var ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
var FORMS = "use an ISO 8601 date or time (2026-11-27, 2026-11-27T14:30:00Z) or an age like 30m, 12h, 3d, 2w";
function parseTime(input, now) {
  const relative = RELATIVE.exec(input);
  if (relative) {
    return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2]]);
  }
  const iso = ISO.exec(input);
  if (iso) {
    const [, y, mo, d, h = "00", mi = "00", s = "00", zone] = iso;
    const sameDay = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    const valid = sameDay.getUTCFullYear() === Number(y) && sameDay.getUTCMonth() === Number(mo) - 1 && sameDay.getUTCDate() === Number(d) && Number(h) < 24 && Number(mi) < 60 && Number(s) < 60;
    const normalised = input.replace(" ", "T");
    const withZone = iso[4] === void 0 ? `${normalised}T00:00:00Z` : zone ? normalised : `${normalised}Z`;
    const t = Date.parse(withZone.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
    if (valid && !Number.isNaN(t)) return new Date(t);
  }
  throw invalidInput(`invalid time "${input}": ${FORMS}`);
}
function ago(n, unit, future) {
  const text = `${n} ${unit}${n === 1 ? "" : "s"}`;
  return future ? `in ${text}` : `${text} ago`;
}
function relativeTime(iso, now) {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const diff = now.getTime() - t;
  const future = diff < 0;
  const s = Math.abs(diff) / 1e3;
  if (s < 45) return "just now";
  const steps = [
    [3600, "minute", 60],
    [86400, "hour", 3600],
    [86400 * 30, "day", 86400],
    [86400 * 365, "month", 86400 * 30]
  ];
  for (const [limit, unit, size] of steps) {
    if (s < limit) return ago(Math.max(1, Math.round(s / size)), unit, future);
  }
  return ago(Math.max(1, Math.floor(s / (86400 * 365))), "year", future);
}
var UNITS = ["KiB", "MiB", "GiB", "TiB", "PiB"];
function formatBytes(n) {
  if (!Number.isFinite(n) || Math.abs(n) < 1024) return `${n} B`;
  let value = n / 1024;
  let unit = 0;
  while (Math.abs(Number(value.toFixed(1))) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`;
}

export {
  parseTime,
  relativeTime,
  formatBytes
};
