import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  formatBytes
} from "./cli-chunk-TZFTDHNG.js";
import {
  table
} from "./cli-chunk-6LSYP2EM.js";
import {
  formatReference
} from "./cli-chunk-NCQXE2WX.js";

// src/cli/render/maintenance.ts
function renderInit(outcome) {
  return outcome.created ? `Initialised the model registry in ${outcome.registry} (commit ${outcome.commit.slice(0, 12)})` : `The model registry in ${outcome.registry} already exists (commit ${outcome.commit.slice(0, 12)}); nothing changed`;
}
function renderDelete(outcome) {
  const bytes = outcome.artifact_removed ? "artifact removed" : "artifact kept (shared with another version or already gone)";
  return `Deleted ${formatReference(outcome.version)} (${outcome.version.deployment_stage}); ${bytes}; commit ${outcome.commit.slice(0, 12)}`;
}
function renderCleanup(outcome) {
  const rows = outcome.decisions.map((d) => [d.reference, d.stage, d.action, d.reason, formatBytes(d.bytes)]);
  const verb = outcome.dry_run ? "would delete" : outcome.mode === "remove" ? "removed" : "archived";
  const lines = [
    rows.length ? table(
      [
        { header: "VERSION" },
        { header: "STAGE" },
        { header: "ACTION" },
        { header: "REASON" },
        { header: "SIZE", align: "right" }
      ],
      rows
    ) : "No versions registered.",
    "",
    `${outcome.dry_run ? "Dry run: " : ""}${verb} ${outcome.deleted_count} version${outcome.deleted_count === 1 ? "" : "s"} (keep last ${outcome.keep_last}), ${outcome.dry_run ? "would free" : "freed"} ${formatBytes(outcome.freed_bytes)}` + (outcome.swept.length ? `, ${outcome.swept.length} stored object${outcome.swept.length === 1 ? "" : "s"} swept` : "")
  ];
  if (outcome.commit) lines.push(`commit ${outcome.commit.slice(0, 12)}`);
  return lines.join("\n");
}
function renderDoctor(outcome) {
  const { models, versions, artifacts } = outcome.checked;
  const summary = `${models} model${models === 1 ? "" : "s"}, ${versions} version${versions === 1 ? "" : "s"}, ${artifacts} artifact${artifacts === 1 ? "" : "s"} verified`;
  if (outcome.findings.length === 0) return `Healthy: ${summary}`;
  const rows = outcome.findings.map((f) => [f.severity, f.kind, f.subject, f.message]);
  const head = outcome.healthy ? `Healthy, with warnings: ${summary}` : `Problems found: ${summary}`;
  return `${head}

${table([{ header: "SEVERITY" }, { header: "KIND" }, { header: "SUBJECT" }, { header: "DETAIL" }], rows)}`;
}
function renderMigrate(outcome) {
  if (outcome.from === 2) return "Already in layout 2: nothing to migrate";
  const what = `${outcome.models} model${outcome.models === 1 ? "" : "s"}, ${outcome.versions} version${outcome.versions === 1 ? "" : "s"}, ${outcome.files} files`;
  if (outcome.dry_run) return `Dry run: would migrate layout 1 \u2192 2 (${what}); nothing changed`;
  return `Migrated layout 1 \u2192 2 (${what})${outcome.commit ? `; commit ${outcome.commit.slice(0, 12)}` : ""}`;
}

export {
  renderInit,
  renderDelete,
  renderCleanup,
  renderDoctor,
  renderMigrate
};
