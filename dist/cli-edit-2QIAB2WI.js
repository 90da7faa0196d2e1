import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  renderEdit
} from "./cli-chunk-TACSTVAR.js";
import {
  layoutWrites
} from "./cli-chunk-VF7KWAZ3.js";
import {
  updateRegistry
} from "./cli-chunk-IFZ7CLCE.js";
import "./cli-chunk-MB6ER4TW.js";
import "./cli-chunk-B6Z2EQO6.js";
import {
  resolve
} from "./cli-chunk-KHQVBMNE.js";
import "./cli-chunk-UXTHZPF7.js";
import "./cli-chunk-RQQIPJBH.js";
import {
  formatReference
} from "./cli-chunk-NCQXE2WX.js";
import "./cli-chunk-FJL5TYMF.js";
import "./cli-chunk-QINJBCE2.js";
import {
  parseTag
} from "./cli-chunk-TPXH7SUW.js";
import "./cli-chunk-NRZ3EPD3.js";
import {
  invalidInput,
  refused
} from "./cli-chunk-VHUSGLFD.js";
import "./cli-chunk-WXNRKKY2.js";

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
