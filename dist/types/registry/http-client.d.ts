import type { HttpClient } from 'isomorphic-git';
import { type ProxySettings } from '../domain/proxy.js';
/** How long a connection may stay silent before the request fails. */
export declare const DEFAULT_IDLE_TIMEOUT_MS = 60000;
/**
 * `proxy`: HTTPS_PROXY / HTTP_PROXY / NO_PROXY as the front read them. A proxied https remote is
 * reached through a CONNECT tunnel, a proxied http one by absolute-URI requests to the proxy.
 */
export declare function registryHttpClient(branch: string, idleTimeoutMs?: number, proxy?: ProxySettings): HttpClient;
/** Rewrites the first ref line's capabilities when the advertisement has no HEAD at all. */
export declare function addHeadSymref(body: Buffer, target: string): Buffer;
