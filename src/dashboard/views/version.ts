/**
 * A version's page: its metadata, metrics, lineage (parent, dataset), checksum and artifact
 * download, its stage history and the registry commits that changed it (history of the version).
 */
import { html } from 'htm/preact'
import { api, authHeaders, storedToken, type ModelVersion } from '../api.js'
import { href } from '../route.js'
import { formatBytes, formatMetric, formatTime, safeUrl, Status, StageBadge, useLoad } from './common.js'

export function VersionPage({ reference }: { reference: string }) {
  const loaded = useLoad(() => api.version(reference), [reference])
  return html`<section>
    <${Status} loaded=${loaded} />
    ${loaded.state === 'ready' ? html`<${VersionDetails} v=${loaded.data} />` : null}
  </section>`
}

function VersionDetails({ v }: { v: ModelVersion }) {
  const ref = `${v.name}@${v.version}`
  const commits = useLoad(() => api.history(ref), [ref])
  const metrics = Object.entries(v.performance_metrics)
  return html`<nav class="crumbs">
      <a href=${href.overview()}>Models</a> / <a href=${href.model(v.name)}>${v.name}</a>
      <span> / ${v.version}</span>
    </nav>
    <div class="heading">
      <h1>${v.name} <span class="version">${v.version}</span></h1>
      <div class="actions">
        <${StageBadge} stage=${v.deployment_stage} />
        ${
          v.deployment_stage === 'production'
            ? null
            : html`<a class="button secondary" href=${href.compare([`${v.name}@production`, ref])}
                >Compare with production</a
              >`
        }
      </div>
    </div>
    <div class="grid">
      <article class="card">
        <h2>Metadata</h2>
        <dl class="pairs">
          <dt>Model id</dt>
          <dd><code>${v.model_id}</code></dd>
          <dt>Type</dt>
          <dd>${v.model_type}</dd>
          <dt>Registered</dt>
          <dd>${formatTime(v.registered_at)}</dd>
          <dt>Created</dt>
          <dd>${formatTime(v.created_at)}</dd>
          <dt>Deployed</dt>
          <dd>${formatTime(v.deployed_at)}</dd>
          <dt>Tags</dt>
          <dd>${v.tags.length ? v.tags.map(tag => html`<span class="tag">${tag}</span> `) : '—'}</dd>
          <dt>Notes</dt>
          <dd class="notes">${v.notes || '—'}</dd>
          ${
            v.archived_at
              ? html`<dt>Archived</dt>
                  <dd>${formatTime(v.archived_at)} ${v.reason ?? ''}</dd>`
              : null
          }
        </dl>
      </article>
      <article class="card">
        <h2>Metrics</h2>
        ${
          metrics.length === 0
            ? html`<p class="muted">none recorded</p>`
            : html`<table class="metrics">
                <tbody>
                  ${metrics.map(
                    ([name, value]) =>
                      html`<tr>
                        <th>${name}</th>
                        <td class="num">${formatMetric(value)}</td>
                      </tr>`
                  )}
                </tbody>
              </table>`
        }
      </article>
      <article class="card">
        <h2>Lineage</h2>
        <dl class="pairs">
          <dt>Parent</dt>
          <dd>
            ${
              v.parent_model_id
                ? html`<a href=${href.version(v.parent_model_id)} class="parent"
                    ><code>${v.parent_model_id}</code></a
                  >`
                : '—'
            }
          </dd>
          <dt>Dataset</dt>
          <dd>${v.dataset_version ?? '—'}</dd>
          <dt>Source</dt>
          <dd><${Source} v=${v} /></dd>
        </dl>
      </article>
      <article class="card">
        <h2>Artifact</h2>
        <dl class="pairs">
          <dt>File</dt>
          <dd>${v.artifact.file_name}</dd>
          <dt>Size</dt>
          <dd>${formatBytes(v.artifact.size)}</dd>
          <dt>SHA-256</dt>
          <dd><code class="checksum">${v.artifact.sha256}</code></dd>
          <dt>Store</dt>
          <dd>${v.artifact.store}</dd>
        </dl>
        ${
          v.artifact.deleted
            ? html`<p class="muted">The stored bytes were removed by retention.</p>`
            : v.artifact.manifest
              ? html`<${Manifest} reference=${ref} files=${v.artifact.manifest} />`
              : html`<${Download} url=${api.artifactUrl(ref)} fileName=${v.artifact.file_name} />`
        }
      </article>
    </div>
    <h2>Stage history</h2>
    <div class="scroll">
      <table class="history">
        <thead>
          <tr>
            <th>Stage</th>
            <th>When</th>
            <th>By</th>
            <th>Via</th>
          </tr>
        </thead>
        <tbody>
          ${v.stage_history.map(
            e =>
              html`<tr>
                <td><${StageBadge} stage=${e.stage} /></td>
                <td>${formatTime(e.at)}</td>
                <td>${e.by}</td>
                <td>${e.via}</td>
              </tr>`
          )}
        </tbody>
      </table>
    </div>
    <h2>Commits that changed it</h2>
    <${Status} loaded=${commits} />
    ${
      commits.state === 'ready'
        ? html`<ol class="commits">
            ${commits.data.events.map(
              e =>
                html`<li>
                  <code title=${e.commit}>${e.commit.slice(0, 10)}</code>
                  <span class="subject">${e.subject}</span>
                  <span class="muted">${e.author}, ${formatTime(e.at)}</span>
                </li>`
            )}
          </ol>`
        : null
    }`
}

function Source({ v }: { v: ModelVersion }) {
  const repository = v.source.repository
  const link = repository
    ? safeUrl(/^[\w.-]+\/[\w.-]+$/.test(repository) ? `https://github.com/${repository}` : repository)
    : null
  return html`${repository ? (link ? html`<a href=${link} rel="noreferrer">${repository}</a>` : repository) : 'local'}
  ${v.source.commit ? html` <code>${v.source.commit.slice(0, 10)}</code>` : null}
  ${v.source.dirty ? html` <span class="muted">(uncommitted changes)</span>` : null}`
}

/** A plain link streams the bytes; a --token server needs the header, so then fetch and save. */
function Download({ url, fileName, label = 'Download' }: { url: string; fileName: string; label?: string }) {
  if (!storedToken()) return html`<a class="button" href=${url} download=${fileName}>${label}</a>`
  const save = async () => {
    const res = await fetch(url, { headers: authHeaders() })
    if (!res.ok) return
    const link = document.createElement('a')
    link.href = URL.createObjectURL(await res.blob())
    link.download = fileName
    link.click()
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
  }
  return html`<button type="button" onClick=${save}>${label}</button>`
}

/** A directory version: each file downloads on its own (the server's per-file route). */
function Manifest({ reference, files }: { reference: string; files: Array<{ path: string; size: number }> }) {
  return html`<details class="manifest">
      <summary>${files.length} files</summary>
      <ul>
        ${files.slice(0, 200).map(
          f =>
            html`<li>
              <${Download}
                url=${api.fileUrl(reference, f.path)}
                fileName=${f.path.split('/').pop() ?? f.path}
                label=${f.path}
              />
              <span class="muted"> ${formatBytes(f.size)}</span>
            </li>`
        )}
      </ul>
      ${files.length > 200 ? html`<p class="muted">and ${files.length - 200} more</p>` : null}
    </details>
    <p class="muted small">The whole directory: <code>mreg fetch ${reference} --out DIR</code>.</p>`
}
