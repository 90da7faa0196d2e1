/** The models overview: every model with its stage holders, newest and highest version and counts. */
import { html } from 'htm/preact'
import { api, type ModelSummary } from '../api.js'
import { href } from '../route.js'
import { byStage, Status, StageBadge, useLoad, VersionLink } from './common.js'
import { HoldersAt, TimeTravelForm, TimeTravelNote } from './time-travel.js'

export function Overview({ at, navigate }: { at: string | null; navigate: (hash: string) => void }) {
  const loaded = useLoad(() => api.models(), [])
  return html`<section>
    <div class="heading">
      <h1>Models</h1>
      <${TimeTravelForm}
        at=${at}
        onChange=${(next: string | null) => navigate(href.overview(next ? [['at', next]] : []))}
      />
    </div>
    ${at ? html`<${TimeTravelNote} at=${at} />` : null}
    <${Status} loaded=${loaded} />
    ${loaded.state === 'ready' ? html`<${ModelCards} models=${loaded.data} at=${at} />` : null}
  </section>`
}

function ModelCards({ models, at }: { models: ModelSummary[]; at: string | null }) {
  if (models.length === 0)
    return html`<p class="muted">No model is registered yet: <code>mreg register FILE --name NAME</code>.</p>`
  return html`<div class="cards">
    ${models.map(model => html`<${ModelCard} model=${model} at=${at} key=${model.name} />`)}
  </div>`
}

function ModelCard({ model, at }: { model: ModelSummary; at: string | null }) {
  const stages = byStage(Object.entries(model.stages).filter(([, holders]) => holders.length > 0))
  return html`<article class="card model-card" data-model=${model.name}>
    <header>
      <h2><a href=${href.model(model.name)}>${model.name}</a></h2>
      <span class="muted">${model.types.join(', ')}</span>
    </header>
    <dl class="facts">
      <div>
        <dt>Versions</dt>
        <dd class="count">${model.count}</dd>
      </div>
      <div>
        <dt>Archived</dt>
        <dd>${model.archived}</dd>
      </div>
      <div>
        <dt>Newest</dt>
        <dd>${model.newest ? html`<${VersionLink} name=${model.name} version=${model.newest} />` : '—'}</dd>
      </div>
      <div>
        <dt>Highest</dt>
        <dd>${model.highest ? html`<${VersionLink} name=${model.name} version=${model.highest} />` : '—'}</dd>
      </div>
    </dl>
    <h3>${at ? 'Stage holders then' : 'Stage holders'}</h3>
    ${
      at
        ? html`<${HoldersAt} name=${model.name} at=${at} />`
        : stages.length === 0
          ? html`<span class="muted">no stage holders</span>`
          : html`<ul class="holders">
              ${stages.map(
                ([stage, versions]) =>
                  html`<li>
                    <${StageBadge} stage=${stage} />
                    ${versions.map(v => html` <${VersionLink} name=${model.name} version=${v} />`)}
                  </li>`
              )}
            </ul>`
    }
  </article>`
}
