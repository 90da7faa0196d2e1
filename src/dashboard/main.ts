/**
 * The dashboard served by `mreg serve` at `/`: a single page (preact + htm) over the JSON API.
 * Every registry text reaches the page as a text node or attribute through preact, which
 * escapes it; nothing is ever parsed as HTML. Live events reload what is on screen.
 */
import { html } from 'htm/preact'
import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { ApiFailure, getJson, setToken } from './api.js'
import { followEvents, type LiveState, type RegistryChange } from './live.js'
import { href, parseRoute, type Route } from './route.js'
import { Revision } from './views/common.js'
import { ComparePage } from './views/compare.js'
import { ModelPage } from './views/model.js'
import { Overview } from './views/overview.js'
import { VersionPage } from './views/version.js'

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash))
  useEffect(() => {
    const changed = () => {
      setRoute(parseRoute(location.hash))
      window.scrollTo(0, 0)
    }
    addEventListener('hashchange', changed)
    return () => removeEventListener('hashchange', changed)
  }, [])
  return route
}

const navigate = (hash: string) => {
  location.hash = hash
}

function describeChange(change: RegistryChange): string {
  const ref =
    change.name && change.version ? `${change.name}@${change.version}` : (change.name ?? 'the registry')
  switch (change.kind) {
    case 'registered':
      return `${ref} registered`
    case 'stage-changed':
      return `${ref}: ${change.from ?? '?'} → ${change.to ?? '?'}`
    case 'policy-changed':
      return 'the registry policy changed'
    default:
      return `${ref} ${change.kind}`
  }
}

function App() {
  const route = useRoute()
  const [revision, setRevision] = useState(0)
  const [live, setLive] = useState<LiveState>('connecting')
  const [notices, setNotices] = useState<Array<{ id: string; text: string }>>([])
  const [access, setAccess] = useState<'checking' | 'open' | 'locked'>('checking')

  useEffect(() => {
    // A --token server refuses the API until the user gives the token.
    // The API's description is the cheapest route that needs the token.
    getJson('/api/v1/openapi.json').then(
      () => setAccess('open'),
      error => setAccess(error instanceof ApiFailure && error.status === 401 ? 'locked' : 'open')
    )
  }, [])

  useEffect(() => {
    if (access !== 'open') return
    const stop = new AbortController()
    // One commit can carry several events (a promotion demotes the old holder): reload once.
    let pending: ReturnType<typeof setTimeout> | undefined
    followEvents(
      {
        change: change => {
          clearTimeout(pending)
          pending = setTimeout(() => setRevision(n => n + 1), 150)
          setNotices(now => [...now.slice(-3), { id: change.id, text: describeChange(change) }])
          setTimeout(() => setNotices(now => now.filter(n => n.id !== change.id)), 8000)
        },
        state: setLive
      },
      stop.signal
    )
    return () => {
      clearTimeout(pending)
      stop.abort()
    }
  }, [access])

  if (access === 'checking')
    return html`<${Shell} live="connecting"><p class="muted" aria-busy="true">Loading…</p><//>`
  if (access === 'locked')
    return html`<${Shell} live="offline"><${TokenForm} onDone=${() => location.reload()} /><//>`
  return html`<${Revision.Provider} value=${revision}>
    <${Shell} live=${live}>
      <${View} route=${route} />
      <div class="notices" aria-live="polite">
        ${notices.map(n => html`<div class="notice" key=${n.id}>${n.text}</div>`)}
      </div>
    <//>
  <//>`
}

function View({ route }: { route: Route }) {
  switch (route.view) {
    case 'overview':
      return html`<${Overview} at=${route.query.get('at')} navigate=${navigate} />`
    case 'model':
      return html`<${ModelPage}
        name=${route.name}
        query=${route.query}
        navigate=${navigate}
        key=${route.name}
      />`
    case 'version':
      return html`<${VersionPage} reference=${route.ref} key=${route.ref} />`
    case 'compare':
      return html`<${ComparePage} refs=${route.query.getAll('ref')} />`
    case 'missing':
      return html`<section>
        <h1>Not found</h1>
        <p>No view at <code>${route.path}</code>. <a href=${href.overview()}>Models</a></p>
      </section>`
  }
}

function Shell({ live, children }: { live: LiveState; children: unknown }) {
  const label = { connecting: 'connecting…', live: 'live', offline: 'offline' }[live]
  return html`<header class="top">
      <a class="brand" href=${href.overview()}>Model registry</a>
      <span class=${`live live-${live}`} data-live=${live} title="live updates from the registry"
        >${label}</span
      >
    </header>
    <main>${children}</main>`
}

function TokenForm({ onDone }: { onDone: () => void }) {
  const submit = (event: Event) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    setToken(String(form.get('token') ?? '').trim() || null)
    onDone()
  }
  return html`<section class="card narrow">
    <h1>Token needed</h1>
    <p>
      This server was started with <code>--token</code>. Give the token to browse the registry; it is kept for
      this tab only.
    </p>
    <form onSubmit=${submit}>
      <label>Token <input type="password" name="token" autocomplete="off" required /></label>
      <button type="submit">Open</button>
    </form>
  </section>`
}

render(html`<${App} />`, document.getElementById('app') as HTMLElement)
