import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);

// src/domain/printable.ts
var UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
var UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
function visible(char) {
  const code = char.charCodeAt(0);
  if (char === "\n") return "\\n";
  if (char === "	") return "\\t";
  if (char === "\r") return "\\r";
  return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
function safeForTerminal(text) {
  return text.replace(UNSAFE, visible);
}
function safeLine(text) {
  return text.replace(UNSAFE_IN_LINE, visible);
}
function oneLine(text) {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

// src/cli/terminal.ts
function stderrLine(message) {
  return `mreg: ${safeLine(oneLine(message))}
`;
}

export {
  safeForTerminal,
  safeLine,
  oneLine,
  stderrLine
};
