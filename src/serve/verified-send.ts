/**
 * A full download, hashed while it is sent, with the hashing on a worker thread: the main thread
 * reads the file and writes the socket while the worker computes the SHA-256 of the same bytes
 * (shared memory, nothing copied). Hashed inline, SHA-256 took the main thread's time away from
 * the transport: beside a plain node:http server sending the same file (the transport's own
 * bound), inline hashing reached 0.55× of it (serve bench at 6c916c4), the worker 0.75× (at
 * eeba52e; docs/BENCHMARKS.md, "mreg serve").
 *
 * The last chunk is held back until the digest is known: on a mismatch the connection is cut
 * instead, so a bad file is never received as complete.
 */
import { open } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { Worker } from 'node:worker_threads'

/** Bytes read and sent at a time. */
export const CHUNK = 1024 * 1024

/** Chunks of one download in flight at once (being hashed, or written and not yet taken by the socket). */
const SLOTS = 4

// The worker's whole program: one running hash per download, fed views of shared memory.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const jobs = new Map()
parentPort.on('message', m => {
  if (m.kind === 'update') {
    let hash = jobs.get(m.job)
    if (!hash) jobs.set(m.job, (hash = createHash('sha256')))
    hash.update(new Uint8Array(m.memory, 0, m.length))
    parentPort.postMessage({ job: m.job, seq: m.seq })
  } else if (m.kind === 'digest') {
    const hash = jobs.get(m.job) ?? createHash('sha256')
    jobs.delete(m.job)
    parentPort.postMessage({ job: m.job, seq: -1, hex: hash.digest('hex') })
  } else jobs.delete(m.job)
})
`

interface Reply {
  job: number
  seq: number
  hex?: string
}

/** One worker thread hashing every download of a server; started on the first, ended by close(). */
export class HashingWorker {
  private worker: Worker | null = null
  private readonly waiting = new Map<string, { done: (hex: string) => void; fail: (e: Error) => void }>()
  private jobs = 0

  private start(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(WORKER_SOURCE, { eval: true })
    worker.unref()
    worker.on('message', (reply: Reply) => {
      const key = `${reply.job}:${reply.seq}`
      const waiter = this.waiting.get(key)
      this.waiting.delete(key)
      waiter?.done(reply.hex ?? '')
    })
    const failAll = (error: Error) => {
      if (this.worker === worker) this.worker = null
      for (const waiter of this.waiting.values()) waiter.fail(error)
      this.waiting.clear()
    }
    worker.on('error', failAll)
    worker.on('exit', code => failAll(new Error(`the hashing worker exited (${code})`)))
    this.worker = worker
    return worker
  }

  private ask(job: number, seq: number, message: object): Promise<string> {
    const worker = this.start()
    return new Promise<string>((done, fail) => {
      this.waiting.set(`${job}:${seq}`, { done, fail })
      worker.postMessage({ job, seq, ...message })
    })
  }

  /** A new running hash: feed it chunks in order, then ask for the digest. */
  hash(): {
    update(memory: SharedArrayBuffer, length: number): Promise<void>
    digest(): Promise<string>
    drop(): void
  } {
    const job = this.jobs++
    let seq = 0
    return {
      update: (memory, length) => this.ask(job, seq++, { kind: 'update', memory, length }).then(() => {}),
      digest: () => this.ask(job, -1, { kind: 'digest' }),
      drop: () => this.worker?.postMessage({ job, kind: 'drop' })
    }
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    if (worker) await worker.terminate()
  }
}

/** What a full send found: null when the bytes matched, else the hash they had. */
export interface SendResult {
  mismatch: string | null
}

/**
 * Sends the `size` bytes of `path` as the body of `res` (headers already written), hashing them on
 * `hasher`; the last chunk goes only when their SHA-256 is `expected`. Rejects when the file
 * cannot be read, and with code ECONNRESET when the client goes.
 */
export async function sendVerified(
  path: string,
  size: number,
  expected: string,
  res: ServerResponse,
  hasher: HashingWorker
): Promise<SendResult> {
  const handle = await open(path, 'r')
  const hash = hasher.hash()
  const slots = Array.from({ length: SLOTS }, () => new SharedArrayBuffer(CHUNK))
  // A slot is free again when its bytes are hashed and the socket has taken them.
  const free: Promise<unknown>[] = slots.map(() => Promise.resolve())
  let finished = false
  try {
    let position = 0
    let held: { slot: number; length: number }
    for (let i = 0; ; i++) {
      const slot = i % SLOTS
      await free[slot]
      if (res.destroyed) throw clientGone()
      const memory = slots[slot] as SharedArrayBuffer
      const want = Math.min(CHUNK, size - position)
      const bytesRead = want === 0 ? 0 : (await handle.read(Buffer.from(memory), 0, want, position)).bytesRead
      if (want > 0 && bytesRead === 0) throw new Error(`${path} is shorter than its ${size} bytes`)
      position += bytesRead
      const hashed = hash.update(memory, bytesRead)
      if (position >= size) {
        await hashed
        held = { slot, length: bytesRead }
        break
      }
      const sent = Promise.all([hashed, write(res, Buffer.from(memory, 0, bytesRead))])
      // Awaited when the slot comes round again (or below); a failure before then is not unhandled.
      sent.catch(() => undefined)
      free[slot] = sent
    }
    await Promise.all(free)
    const actual = await hash.digest()
    finished = true
    if (actual !== expected) return { mismatch: actual }
    if (held.length > 0) await write(res, Buffer.from(slots[held.slot] as SharedArrayBuffer, 0, held.length))
    await new Promise<void>(done => res.end(done))
    return { mismatch: null }
  } finally {
    if (!finished) hash.drop()
    await handle.close()
  }
}

function write(res: ServerResponse, chunk: Buffer): Promise<void> {
  return new Promise((done, fail) => {
    res.write(chunk, error => (error ? fail(res.destroyed ? clientGone() : error) : done()))
  })
}

/** The client closed the connection: the caller's to end quietly, not a server error. */
function clientGone(): Error {
  return Object.assign(new Error('the client went away'), { code: 'ECONNRESET' })
}
