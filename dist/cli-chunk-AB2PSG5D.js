import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  table
} from "./cli-chunk-6LSYP2EM.js";

// src/cli/render/review.ts
var short = (commit) => commit === null ? "(none)" : commit.slice(0, 12);
var move = (c) => `${c.name}@${c.version}: ${c.from ?? "(new)"} \u2192 ${c.to}`;
function renderCheck(outcome) {
  const lines = [`Checked ${short(outcome.base)} \u2192 ${short(outcome.head)}`];
  if (outcome.changes.length > 0) lines.push(...outcome.changes.map((c) => `  ${move(c)}`));
  else lines.push("  no stage changes");
  if (outcome.findings.length > 0) {
    lines.push(
      "",
      table(
        [{ header: "SEVERITY" }, { header: "KIND" }, { header: "SUBJECT" }, { header: "DETAIL" }],
        outcome.findings.map((f) => [f.severity, f.kind, f.subject, f.message])
      )
    );
  }
  if (outcome.review === "not-applicable") {
    lines.push("", "No review channel here: approvals and the policy label are not checked.");
  }
  const verdict = outcome.passed ? "Passed" : "Failed";
  const posted = outcome.status.posted ? ` (posted as ${outcome.status.context}: ${outcome.status.state})` : "";
  lines.push("", `${verdict}: ${outcome.status.description}${posted}`);
  return lines.join("\n");
}
function renderApply(outcome) {
  const lines = [
    `Applied ${short(outcome.before)} \u2192 ${short(outcome.after)} (${outcome.commits} commit${outcome.commits === 1 ? "" : "s"}${outcome.rewritten ? ", history rewritten" : ""})`
  ];
  lines.push(
    "",
    outcome.changes.length > 0 ? table(
      [{ header: "VERSION" }, { header: "FROM" }, { header: "TO" }, { header: "COMMIT" }],
      outcome.changes.map((c) => [`${c.name}@${c.version}`, c.from ?? "(new)", c.to, short(c.commit)])
    ) : "No stage changes."
  );
  if (outcome.review === "not-applicable") {
    lines.push("", "No review channel here: changes are not checked for a merged pull request.");
  } else if (outcome.unreviewed.length > 0) {
    lines.push("", "Not through a merged pull request:", ...outcome.unreviewed.map((u) => `  ${u.reason}`));
  } else {
    lines.push("", "Every stage change came through a merged pull request.");
  }
  return lines.join("\n");
}

export {
  renderCheck,
  renderApply
};
