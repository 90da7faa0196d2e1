import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  renderEdit
} from "./cli-chunk-L25YQJSI.js";
import {
  layoutWrites
} from "./cli-chunk-FG5UR56B.js";
import {
  updateRegistry
} from "./cli-chunk-QQ26CMEV.js";
import "./cli-chunk-MB6ER4TW.js";
import "./cli-chunk-VKGU47PA.js";
import {
  resolve
} from "./cli-chunk-VH6PMXUX.js";
import "./cli-chunk-6YZVHZAI.js";
import "./cli-chunk-GTTAVXJX.js";
import {
  formatReference
} from "./cli-chunk-LYYP2P6J.js";
import "./cli-chunk-OAF56O2S.js";
import "./cli-chunk-URTADOYK.js";
import {
  parseTag
} from "./cli-chunk-EZVL4DJA.js";
import "./cli-chunk-RERG4CY6.js";
import {
  invalidInput,
  refused
} from "./cli-chunk-FJEWTDBN.js";

// src/commands/edit.ts
var MAX_NOTES = 1e4;
async function editVersion(ctx, input) {
  const add = (input.addTags ?? []).map(parseTag);
  const remove = (input.removeTags ?? []).map(parseTag);
  if (add.length === 0 && remove.length === 0 && input.notes === void 0) {
    throw invalidInput("nothing to edit: give --add-tag, --remove-tag or --notes", { field: "edit" });
  }
  const both = add.filter((t) => remove.includes(t));
  if (both.length > 0) {
    throw invalidInput(`tag "${both[0]}" is both added and removed: give it once`, { field: "tags" });
  }
  if (input.notes !== void 0 && input.notes.length > MAX_NOTES) {
    throw invalidInput(`notes are ${input.notes.length} characters: at most ${MAX_NOTES}`, { field: "notes" });
  }
  const outcome = await updateRegistry(ctx, async (snapshot) => {
    const { version } = await resolve(snapshot, input.reference);
    const missing = remove.filter((t) => !version.tags.includes(t));
    if (missing.length > 0) {
      const has = version.tags.length > 0 ? `its tags: ${version.tags.join(", ")}` : "it has no tags";
      throw refused(`${formatReference(version)} has no tag "${missing[0]}" to remove (${has})`, {
        field: "tags"
      });
    }
    const added = [...new Set(add)].filter((t) => !version.tags.includes(t));
    const tags = [...version.tags.filter((t) => !remove.includes(t)), ...added];
    const notes = input.notes ?? version.notes;
    const facts = {
      added_tags: added,
      removed_tags: [...new Set(remove)],
      notes_changed: notes !== version.notes
    };
    if (added.length === 0 && remove.length === 0 && !facts.notes_changed) {
      return { change: null, result: { version, ...facts } };
    }
    const edited = { ...version, tags, notes };
    const what = [
      ...added.map((t) => `+${t}`),
      ...facts.removed_tags.map((t) => `-${t}`),
      ...facts.notes_changed ? ["notes"] : []
    ];
    return {
      change: {
        subject: `edit ${version.name} ${version.version}: ${what.join(" ")}`,
        trailers: { "Model-Id": version.model_id },
        files: await layoutWrites(snapshot, { upserts: [edited] })
      },
      result: { version: edited, ...facts }
    };
  });
  return { ...outcome.result, changed: outcome.changed, commit: outcome.commit };
}

// src/cli/run/edit.ts
async function run(cli, reference, o) {
  const outcome = await editVersion(await cli.context(), {
    reference,
    addTags: o.addTag,
    removeTags: o.removeTag,
    notes: o.notes
  });
  cli.emit(outcome, renderEdit);
}
export {
  run
};
