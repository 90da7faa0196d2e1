import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  formatReference
} from "./cli-chunk-NCQXE2WX.js";

// src/cli/render/edits.ts
function renderEdit(outcome) {
  const ref = formatReference(outcome.version);
  if (!outcome.changed) return `${ref} is already as asked; nothing changed`;
  const what = [
    ...outcome.added_tags.map((t) => `added tag ${t}`),
    ...outcome.removed_tags.map((t) => `removed tag ${t}`),
    ...outcome.notes_changed ? ["notes replaced"] : []
  ];
  const tags = outcome.version.tags.length > 0 ? outcome.version.tags.join(", ") : "none";
  return `Edited ${ref}: ${what.join(", ")}; tags now: ${tags}; commit ${outcome.commit.slice(0, 12)}`;
}
function renderPolicySet(outcome) {
  const change = `${outcome.key}: ${JSON.stringify(outcome.before)} \u2192 ${JSON.stringify(outcome.after)}`;
  if (!outcome.changed)
    return `registry.json already has ${outcome.key} = ${JSON.stringify(outcome.after)}; nothing changed`;
  const pull = outcome.pull_request;
  return pull ? `${pull.created ? "Opened" : "Updated"} pull request #${pull.number} (label registry-policy) to set ${change}
${pull.url}` : `Set ${change}; commit ${outcome.commit.slice(0, 12)}`;
}

export {
  renderEdit,
  renderPolicySet
};
