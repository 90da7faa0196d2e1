/**
 * "What held each stage at T": the API's history?at= reads the registry branch as it was then.
 * The chosen time lives in the route's `at` parameter, so a view of the past can be linked.
 */
import { html } from 'htm/preact'
import { useState } from 'preact/hooks'
import { api } from '../api.js'
import {
  byStage,
  formatTime,
  isoToLocal,
  localToIso,
  Status,
  StageBadge,
  useLoad,
  VersionLink
} from './common.js'

export function TimeTravelForm({
  at,
  onChange
}: {
  at: string | null
  onChange: (at: string | null) => void
}) {
  const [value, setValue] = useState(at ? isoToLocal(at) : '')
  const submit = (event: Event) => {
    event.preventDefault()
    onChange(localToIso(value))
  }
  return html`<form class="time-travel" onSubmit=${submit} aria-label="time travel">
    <label>
      <span>What held each stage at</span>
      <input
        type="datetime-local"
        step="1"
        name="at"
        value=${value}
        onInput=${(e: Event) => setValue((e.target as HTMLInputElement).value)}
        required
      />
    </label>
    <button type="submit">Show</button>
    ${at ? html`<button type="button" class="secondary" onClick=${() => onChange(null)}>Now</button>` : null}
  </form>`
}

/** One model's stage holders at `at`, or a note that the model did not exist yet. */
export function HoldersAt({ name, at }: { name: string; at: string }) {
  const loaded = useLoad(() => api.history(name, at), [name, at])
  if (loaded.state !== 'ready') return html`<${Status} loaded=${loaded} />`
  const holders = loaded.data.at?.holders ?? {}
  const stages = byStage(Object.entries(holders).filter(([, versions]) => versions.length > 0))
  if (loaded.data.at?.commit === null) return html`<span class="muted">not registered yet</span>`
  if (stages.length === 0) return html`<span class="muted">no stage holders</span>`
  return html`<ul class="holders" data-at=${at}>
    ${stages.map(
      ([stage, versions]) =>
        html`<li>
          <${StageBadge} stage=${stage} />
          ${versions.map(v => html` <${VersionLink} name=${name} version=${v} />`)}
        </li>`
    )}
  </ul>`
}

export function TimeTravelNote({ at }: { at: string }) {
  return html`<p class="note" role="status">
    Showing the registry as it was at <strong>${formatTime(at)}</strong>.
  </p>`
}
