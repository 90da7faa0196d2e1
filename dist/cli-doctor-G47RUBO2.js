import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  checkCatalog,
  checkDerivedFiles
} from "./cli-chunk-7BOAOEDD.js";
import {
  checkIndexConsistency,
  versionPath
} from "./cli-chunk-4O472LWZ.js";
import {
  auditStore
} from "./cli-chunk-CTHGCPXA.js";
import "./cli-chunk-GGVWWMIJ.js";
import {
  renderDoctor
} from "./cli-chunk-JXDXVPDM.js";
import {
  openStore
} from "./cli-chunk-MVR2ZMI5.js";
import "./cli-chunk-JEUBDBLZ.js";
import "./cli-chunk-TZFTDHNG.js";
import "./cli-chunk-KHQVBMNE.js";
import {
  readDerivedFiles
} from "./cli-chunk-UXTHZPF7.js";
import "./cli-chunk-RQQIPJBH.js";
import "./cli-chunk-6LSYP2EM.js";
import {
  formatReference
} from "./cli-chunk-NCQXE2WX.js";
import "./cli-chunk-FJL5TYMF.js";
import "./cli-chunk-NMVSHCH7.js";
import {
  deriveCatalog,
  deriveHead,
  rowOf
} from "./cli-chunk-QINJBCE2.js";
import "./cli-chunk-TPXH7SUW.js";
import "./cli-chunk-NRZ3EPD3.js";
import {
  isRegistryError
} from "./cli-chunk-VHUSGLFD.js";
import "./cli-chunk-WXNRKKY2.js";

// src/commands/lost-versions.ts
var VOUCHED_KEY = "doctor-vouched";
async function lostVersions(ctx, snapshot, present) {
  const tip = snapshot.commit;
  if (!tip) return [];
  const vouched = await readVouched(ctx);
  if (vouched === tip) return [];
  let since = vouched;
  let entries = await ctx.backend.log(since ? { since } : {});
  if (since && !entries.some((entry) => entry.parents.includes(since))) {
    since = null;
    entries = await ctx.backend.log();
  }
  entries = upToSnapshot(entries, tip);
  const known = /* @__PURE__ */ new Map();
  if (since) {
    const then = await ctx.backend.snapshotAt(since);
    for (const name of await then.modelNames()) {
      const path = `models/${name}`;
      if (await then.objectId(path) === await snapshot.objectId(path)) continue;
      for (const version of await then.versionFileNames(name)) {
        known.set(`${name}@${version}`, { commit: since, how: "present" });
      }
    }
  }
  for (const entry of ancestorsFirst(entries)) {
    const register = /^register (\S+) (\S+) \(/.exec(entry.subject);
    if (register) known.set(`${register[1]}@${register[2]}`, { commit: entry.commit, how: "registered" });
    for (const reference of removedBy(entry)) known.delete(reference);
  }
  const lost = [];
  for (const [reference, { commit, how }] of known) {
    if (present.has(reference)) continue;
    const [name, version] = reference.split("@");
    const short = commit.slice(0, 12);
    lost.push({
      subject: reference,
      message: `${how === "registered" ? "registered in" : "present at"} commit ${short} but its version file is gone and no delete or cleanup removed it; restore it with 'git checkout ${short} -- ${versionPath(name, version)}' on the registry branch`
    });
  }
  return lost;
}
async function vouchFor(ctx, tip) {
  if (tip) await ctx.state?.write(VOUCHED_KEY, `${tip} ${ctx.backend.branch}`);
}
function ancestorsFirst(entries) {
  const byCommit = new Map(entries.map((entry) => [entry.commit, entry]));
  const ordered = [];
  const done = /* @__PURE__ */ new Set();
  for (const start of entries) {
    const stack = [{ entry: start, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (done.has(top.entry.commit)) {
        stack.pop();
        continue;
      }
      const parent = byCommit.get(top.entry.parents[top.next++] ?? "");
      if (top.next <= top.entry.parents.length) {
        if (parent && !done.has(parent.commit)) stack.push({ entry: parent, next: 0 });
        continue;
      }
      done.add(top.entry.commit);
      ordered.push(top.entry);
      stack.pop();
    }
  }
  return ordered;
}
function removedBy(entry) {
  const deleted = /^delete (\S+) (\S+) \(/.exec(entry.subject);
  if (deleted) return [`${deleted[1]}@${deleted[2]}`];
  if (!entry.subject.startsWith("cleanup: remove ")) return [];
  return entry.body.split("\n").map((line) => /^remove (\S+@\S+): /.exec(line)?.[1]).filter((reference) => reference !== void 0);
}
async function readVouched(ctx) {
  const [commit, branch] = (await ctx.state?.read(VOUCHED_KEY) ?? "").split(" ");
  return commit && /^[0-9a-f]{40,64}$/.test(commit) && branch === ctx.backend.branch ? commit : null;
}
function upToSnapshot(entries, tip) {
  const at = entries.findIndex((entry) => entry.commit === tip);
  return at > 0 ? entries.slice(at) : entries;
}

// src/commands/doctor.ts
async function doctor(ctx) {
  const snapshot = await ctx.backend.snapshot();
  const findings = [];
  const names = await snapshot.modelNames();
  const versions = [];
  const heads = [];
  for (const name of names) {
    const mine = await checkModel(snapshot, name, findings);
    versions.push(...mine);
    const head = deriveHead(name, mine.map(rowOf));
    if (head) heads.push(head);
  }
  if (snapshot.layout === 2) {
    const catalog = await readOrReport(() => snapshot.readJson("catalog.json"), "catalog.json", findings);
    for (const message of checkCatalog(catalog, deriveCatalog(heads))) {
      findings.push({ kind: "index-mismatch", severity: "problem", subject: "catalog.json", message });
    }
  }
  for (const lost of await lostVersions(ctx, snapshot, new Set(versions.map(formatReference)))) {
    findings.push({ kind: "lost-version", severity: "problem", ...lost });
  }
  const store = await openStore(ctx);
  let artifacts = 0;
  for (const version of versions) {
    if (version.artifact.deleted) continue;
    artifacts++;
    const subject = formatReference(version);
    const manifest = version.artifact.manifest;
    for (const [i, result] of (await store.verifyFiles(version.artifact)).entries()) {
      const artifact = result.file;
      const what = manifest ? `${version.artifact.file_name}: ${manifest[i]?.path}` : artifact.file_name;
      const where = result.where ? `; ${result.where}` : "";
      if (result.error) {
        findings.push({ kind: "corrupt-object", severity: "problem", subject, message: result.error.message });
        continue;
      }
      if (!result.present) {
        findings.push({
          kind: "missing-artifact",
          severity: "problem",
          subject,
          message: `artifact ${what} (sha256 ${artifact.sha256}) is missing from the ${store.kind} store${where}`
        });
      } else if (!result.ok) {
        const found = result.actual === null ? `do not match their recorded sha256 ${artifact.sha256}` : `have sha256 ${result.actual}, expected ${artifact.sha256}`;
        findings.push({
          kind: "checksum-mismatch",
          severity: "problem",
          subject,
          message: `stored bytes of ${what} in the ${store.kind} store ${found}: the stored object was altered${where}`
        });
      }
    }
  }
  const audit = await auditStore(store, snapshot.policy, ctx.now(), versions);
  for (const item of audit?.unused ?? []) {
    findings.push({
      kind: "orphan-object",
      severity: "warning",
      subject: item.label,
      message: item.temporary ? `temporary file (${item.size} bytes) left by an interrupted write; 'mreg cleanup' sweeps it` : `stored ${item.owner ? "release" : "object"} (${item.size} bytes) no live version uses; cleanup sweeps it`
    });
  }
  for (const version of audit?.unfinished ?? []) {
    findings.push({
      kind: "unfinished-artifact",
      severity: "warning",
      subject: formatReference(version),
      message: `the registration was interrupted before its ${version.artifact.release ? `release ${version.artifact.release.tag} was published` : "artifact was finished"}; 'mreg cleanup' finishes it`
    });
  }
  const healthy = findings.every((f) => f.severity !== "problem");
  if (healthy) await vouchFor(ctx, snapshot.commit);
  return {
    healthy,
    checked: { models: names.length, versions: versions.length, artifacts },
    findings
  };
}
async function checkModel(snapshot, name, findings) {
  const files = [];
  for (const version of await snapshot.versionFileNames(name)) {
    const doc = await readOrReport(() => snapshot.readVersion(name, version), `${name}@${version}`, findings);
    if (doc) files.push(doc);
  }
  if (snapshot.layout === 2) {
    const committed = await readOrReport(() => readDerivedFiles(snapshot, name), name, findings);
    for (const message of committed ? checkDerivedFiles(name, files, committed) : []) {
      findings.push({ kind: "index-mismatch", severity: "problem", subject: name, message });
    }
    return files;
  }
  const index = await readOrReport(() => snapshot.readIndex(name), name, findings);
  if (index) {
    for (const message of checkIndexConsistency(index, files)) {
      findings.push({ kind: "index-mismatch", severity: "problem", subject: name, message });
    }
  }
  return files;
}
async function readOrReport(read, subject, findings) {
  try {
    return await read();
  } catch (error) {
    if (!isRegistryError(error) || error.kind !== "integrity") throw error;
    findings.push({ kind: "invalid-document", severity: "problem", subject, message: error.message });
    return null;
  }
}

// src/cli/run/doctor.ts
async function run(cli) {
  const outcome = await doctor(await cli.context());
  cli.emit(outcome, renderDoctor);
  if (!outcome.healthy) cli.setExit(3);
}
export {
  run
};
