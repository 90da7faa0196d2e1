import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  criteriaOf
} from "./cli-chunk-ARUMNC2M.js";
import {
  renderFetched
} from "./cli-chunk-PPDLJNA7.js";
import {
  EXIT_UNCHANGED
} from "./cli-chunk-2OPTHIFU.js";
import {
  hasCriteria,
  nonNegativeNumber
} from "./cli-chunk-FK236CVL.js";
import {
  either
} from "./cli-chunk-7ROMD3FF.js";
import "./cli-chunk-RXOADDI2.js";
import "./cli-chunk-ODUTP5J6.js";
import {
  directoryMatches,
  fetchDirectory
} from "./cli-chunk-GGVWWMIJ.js";
import {
  openStore
} from "./cli-chunk-MVR2ZMI5.js";
import {
  hashFile,
  refuseSpecialFile,
  sweepStaleTempsBeside,
  writeFileAtomic
} from "./cli-chunk-JEUBDBLZ.js";
import "./cli-chunk-TZFTDHNG.js";
import {
  resolve,
  resolveCriteria
} from "./cli-chunk-KHQVBMNE.js";
import "./cli-chunk-UXTHZPF7.js";
import "./cli-chunk-RQQIPJBH.js";
import "./cli-chunk-6LSYP2EM.js";
import {
  formatReference
} from "./cli-chunk-NCQXE2WX.js";
import "./cli-chunk-FJL5TYMF.js";
import {
  stderrLine
} from "./cli-chunk-NMVSHCH7.js";
import "./cli-chunk-QINJBCE2.js";
import "./cli-chunk-TPXH7SUW.js";
import "./cli-chunk-NRZ3EPD3.js";
import {
  RegistryError,
  invalidInput
} from "./cli-chunk-VHUSGLFD.js";
import "./cli-chunk-WXNRKKY2.js";

// src/commands/fetch.ts
import { lstat, mkdir, readdir, stat } from "node:fs/promises";
import {
  basename,
  dirname,
  isAbsolute,
  join,
  relative as relativePath,
  resolve as resolvePath
} from "node:path";
var STALE_FETCH_TEMP_MS = 15 * 60 * 1e3;
async function fetchModel(ctx, input) {
  const { version, out } = await choose(ctx, input);
  return { version, path: await download(ctx, version, out) };
}
async function download(ctx, version, out, replace = false) {
  const store = await openStore(ctx);
  if (version.artifact.manifest) return fetchDirectory(store, version.artifact, out, { replace });
  return (await store.fetch(version.artifact, out)).path;
}
async function fetchIfChanged(ctx, input) {
  const { version, out } = await choose(ctx, input, true);
  if (!version.artifact.manifest) {
    const present = await hashFile(out).catch(() => null);
    if (present?.sha256 === version.artifact.sha256) return { version, path: out, changed: false };
    return { version, path: await download(ctx, version, out), changed: true };
  }
  const kind = await kindOf(out, lstat);
  if (kind === "directory") {
    if (await directoryMatches(out, version.artifact)) {
      if (!await isFile(managedMarker(out))) await recordManaged(out, version).catch(() => void 0);
      return { version, path: out, changed: false };
    }
    refuseEnclosing(out);
    await refuseUnmanaged(out, version);
  } else if (kind === "other") {
    throw invalidInput(
      `"${out}" is not a directory (a file or a link), and ${formatReference(version)} is a directory version: it replaces only a directory; remove "${out}" or choose another path`,
      { field: "out" }
    );
  }
  const path = await download(ctx, version, out, true);
  await recordManaged(out, version).catch(
    (error) => ctx.notice?.(
      `could not record ${managedMarker(out)} (${error.message}): the next change to ${out} will be refused`
    )
  );
  return { version, path, changed: true };
}
function recordManaged(out, version) {
  const record = {
    name: version.name,
    version: version.version,
    model_id: version.model_id,
    sha256: version.artifact.sha256
  };
  return writeFileAtomic(managedMarker(out), `${JSON.stringify(record)}
`);
}
async function isFile(path) {
  return (await lstat(path).catch(() => null))?.isFile() === true;
}
function managedMarker(out) {
  return join(dirname(out), `.${basename(out)}.mreg.json`);
}
async function refuseUnmanaged(out, version) {
  if (await isFile(managedMarker(out))) return;
  if ((await readdir(out).catch(() => [""])).length === 0) return;
  throw invalidInput(
    `"${out}" holds files that are not ${formatReference(version)} and no earlier fetch --if-changed/--watch put there (no ${basename(managedMarker(out))} beside it): remove it, or end the path with / to fetch into it as <model_id>`,
    { field: "out" }
  );
}
function refuseEnclosing(out) {
  const inside = relativePath(out, process.cwd());
  if (inside === "" || !inside.startsWith("..") && !isAbsolute(inside))
    throw invalidInput(
      `"${out}" is the current directory or encloses it: it will not be replaced by a fetch; give the path of the directory to keep the version in`,
      { field: "out" }
    );
}
async function choose(ctx, input, replace = false) {
  if (input.reference === void 0 && input.criteria === void 0) {
    throw invalidInput(
      (w) => `name a version (${w.field("reference")}, such as theft-detector@production) or criteria (${["name", "model-type", "stage", "tags", "min-metrics"].map((f) => w.field(f)).join(", ")})`,
      { field: "reference", reason: "missing" }
    );
  }
  const snapshot = await ctx.backend.snapshot();
  const version = input.reference !== void 0 ? (await resolve(snapshot, input.reference)).version : await resolveCriteria(snapshot, input.criteria);
  if (version.artifact.deleted) {
    throw new RegistryError(
      "not-found",
      `${formatReference(version)} is archived: its artifact was deleted by retention`
    );
  }
  const keepInPlace = replace && version.artifact.manifest !== void 0;
  const out = await destination(input.out, version.artifact.file_name, input.mkdir === true, keepInPlace);
  await refuseSpecialFile(out, `the destination "${out}"`);
  const swept = await sweepStaleTempsBeside(resolvePath(out), STALE_FETCH_TEMP_MS, {
    directories: version.artifact.manifest !== void 0
  });
  if (swept.length > 0) {
    ctx.notice?.(
      `removed ${swept.length} temporary file(s) or directories an interrupted fetch left beside ${out}`
    );
  }
  return { version, out };
}
async function destination(out, fileName, create, keepInPlace) {
  const namesDirectory = /[\\/]$/.test(out) || !keepInPlace && await kindOf(out) === "directory";
  const directory = resolvePath(namesDirectory ? out : dirname(out));
  const kind = await kindOf(directory);
  if (kind === "other") throw invalidInput(`"${directory}" is not a directory`, { field: "out" });
  if (kind === "missing") {
    if (!create)
      throw invalidInput(`directory "${directory}" does not exist: create it, or pass --mkdir`, {
        field: "out"
      });
    if (await kindOf(dirname(directory)) !== "directory")
      throw invalidInput(
        `"${dirname(directory)}" does not exist: --mkdir creates only the last directory (${directory})`,
        { field: "out" }
      );
    try {
      await mkdir(directory);
    } catch (error) {
      if (error.code !== "EEXIST")
        throw invalidInput(`cannot create "${directory}": ${error.message}`, { field: "out" });
    }
  }
  return namesDirectory ? join(directory, fileName) : resolvePath(out);
}
async function kindOf(path, read = stat) {
  try {
    return (await read(path)).isDirectory() ? "directory" : "other";
  } catch {
    return "missing";
  }
}

// src/cli/fetch-watch.ts
import { spawn } from "node:child_process";
async function watchFetch(opened, input, io, options) {
  const hints = opened.tipSignal();
  let running = true;
  void options.stop.then(() => {
    running = false;
    hints.close();
  });
  let last = null;
  while (running) {
    try {
      const outcome = await fetchIfChanged(opened.context, input);
      if (outcome.version.model_id !== last || outcome.changed) {
        last = outcome.version.model_id;
        if (outcome.changed) {
          options.emit(outcome);
          if (options.exec) await runHook(options.exec, outcome, io);
        }
      }
    } catch (error) {
      io.stderr(stderrLine(`fetch --watch: ${error instanceof Error ? error.message : String(error)}`));
    }
    await hints.next();
  }
}
function runHook(command, outcome, io) {
  return new Promise((resolve2) => {
    const child = spawn(command, {
      shell: true,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...io.env,
        MREG_VERSION: outcome.version.version,
        MREG_MODEL_ID: outcome.version.model_id,
        MREG_NAME: outcome.version.name,
        MREG_SHA256: outcome.version.artifact.sha256,
        MREG_PATH: outcome.path
      }
    });
    child.on("error", (error) => {
      io.stderr(stderrLine(`--exec could not start: ${error.message}`));
      resolve2();
    });
    child.on("close", (code) => {
      if (code !== 0)
        io.stderr(stderrLine(`--exec exited with ${code} after fetching ${formatReference(outcome.version)}`));
      resolve2();
    });
  });
}

// src/cli/run/fetch.ts
async function run(cli, reference, o) {
  if (reference !== void 0 && hasCriteria(o))
    throw invalidInput("give either REF or criteria (--name/--type/--stage/--tag/--min), not both");
  const out = either(o, "out", "path");
  if (out === void 0)
    throw invalidInput("required option '--out <path>' not specified (or --path)", { field: "out" });
  if (!o.watch && (o.interval !== void 0 || o.exec !== void 0))
    throw invalidInput("--interval and --exec go with --watch");
  const input = {
    reference,
    criteria: reference === void 0 ? await criteriaOf(o) : void 0,
    out,
    mkdir: o.mkdir
  };
  const json = (outcome2) => ({ ...outcome2.version, path: outcome2.path });
  if (o.watch) {
    const interval = o.interval === void 0 ? void 0 : nonNegativeNumber(o.interval, "--interval") * 1e3;
    const stop = new Promise((resolve2) => {
      process.once("SIGINT", () => resolve2());
      process.once("SIGTERM", () => resolve2());
    });
    await watchFetch(await cli.open(false, interval), input, cli.io, {
      exec: o.exec,
      stop,
      emit: (outcome2) => cli.emit(outcome2, renderFetched, json(outcome2))
    });
    return;
  }
  if (o.ifChanged) {
    const outcome2 = await fetchIfChanged(await cli.context(), input);
    cli.emit(
      outcome2,
      (o2) => o2.changed ? renderFetched(o2) : `unchanged: ${o2.path} already holds ${formatReference(o2.version)}`,
      { ...json(outcome2), changed: outcome2.changed }
    );
    if (!outcome2.changed) cli.setExit(EXIT_UNCHANGED);
    return;
  }
  const outcome = await fetchModel(await cli.context(), input);
  cli.emit(outcome, renderFetched, json(outcome));
}
export {
  run
};
