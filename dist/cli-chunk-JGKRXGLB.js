import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);
import {
  compareSemver
} from "./cli-chunk-VHUSGLFD.js";

// src/domain/history.ts
var ms = (iso) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
};
function spansOf(v) {
  return v.stage_history.map((event, i) => ({
    version: v.version,
    model_id: v.model_id,
    stage: event.stage,
    from: event.at,
    until: v.stage_history[i + 1]?.at ?? null,
    by: event.by,
    via: event.via
  }));
}
function stageTimeline(versions) {
  return versions.flatMap(spansOf).sort((a, b) => ms(a.from) - ms(b.from) || compareSemver(a.version, b.version));
}
function previousHolder(versions, stage, currentVersion) {
  const current = versions.find((v) => v.version === currentVersion);
  const entered = current?.stage_history.filter((e) => e.stage === stage).at(-1);
  const tookAt = entered ? ms(entered.at) : Infinity;
  let best = null;
  for (const v of versions) {
    if (v.version === currentVersion) continue;
    for (const span of spansOf(v)) {
      if (span.stage !== stage || span.until === null) continue;
      const start = ms(span.from);
      if (start > tookAt) continue;
      const end = Math.min(ms(span.until), tookAt);
      if (!best || end > best.end || end === best.end && start >= best.start) best = { span, end, start };
    }
  }
  return best ? versions.find((v) => v.version === best.span.version) ?? null : null;
}

export {
  stageTimeline,
  previousHolder
};
