import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  RegistryError
} from "./cli-chunk-VHUSGLFD.js";

// src/registry/commit-message.ts
var TRAILER_KEY = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
var TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*): ?(.*)$/;
var oneLine = (text) => text.replace(/\s*[\r\n]+\s*/g, " ").trim();
function formatCommitMessage(change) {
  const subject = oneLine(change.subject);
  if (!subject) throw new RegistryError("invalid-input", "a registry commit needs a subject");
  const paragraphs = [subject];
  const body = change.body?.replace(/\r\n/g, "\n").trim();
  if (body) paragraphs.push(body);
  const trailers = Object.entries(change.trailers ?? {}).map(([key, value]) => {
    if (!TRAILER_KEY.test(key))
      throw new RegistryError("invalid-input", `not a valid commit trailer key: "${key}"`);
    return `${key}: ${oneLine(value)}`;
  });
  if (trailers.length > 0) paragraphs.push(trailers.join("\n"));
  return `${paragraphs.join("\n\n")}
`;
}
function parseCommitMessage(message) {
  const text = message.replace(/\r\n/g, "\n").trim();
  const newline = text.indexOf("\n");
  const subject = newline < 0 ? text : text.slice(0, newline).trim();
  const rest = newline < 0 ? "" : text.slice(newline + 1).trim();
  if (!rest) return { subject, body: "", trailers: {} };
  const paragraphs = rest.split(/\n[ \t]*\n/);
  const last = (paragraphs[paragraphs.length - 1] ?? "").trim().split("\n");
  const trailers = {};
  if (last.every((line) => TRAILER_LINE.test(line))) {
    for (const line of last) {
      const [, key, value] = TRAILER_LINE.exec(line);
      if (key !== void 0 && !(key in trailers)) trailers[key] = (value ?? "").trim();
    }
    paragraphs.pop();
  }
  return { subject, body: paragraphs.join("\n\n").trim(), trailers };
}

export {
  formatCommitMessage,
  parseCommitMessage
};
