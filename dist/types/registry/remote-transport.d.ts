import type { ProxySettings } from '../domain/proxy.js';
export interface TransportOptions {
    url: string;
    gitdir: string;
    branch: string;
    token?: string;
    cache: object;
    idleTimeoutMs?: number;
    proxy?: ProxySettings;
}
export declare class RemoteTransport {
    private readonly options;
    /** The URL without credentials, safe to print. */
    readonly displayUrl: string;
    /** Where the last fetched remote tip is kept in the cache, like git's remote-tracking branches. */
    readonly trackingRef: string;
    private readonly url;
    private readonly secrets;
    private readonly onAuth?;
    private readonly http;
    constructor(options: TransportOptions);
    /**
     * Brings the branch tip (and what it needs) into the cache and returns it; null when the remote
     * has no such branch. `depth` limits history on a first fetch; later fetches only add what is new.
     */
    fetch(options?: {
        depth?: number;
    }): Promise<string | null>;
    /**
     * Fetches another ref of the remote (a proposal branch, `refs/pull/<n>/head`) and returns its
     * commit; null when the remote has no such ref. The registry branch's tip is offered as what we
     * have, so only the commits on top of it travel.
     */
    fetchRef(remoteRef: string): Promise<string | null>;
    /**
     * One fetch of `remoteRef` into the cache, under the cache lock. `ref` is the registry's
     * tracking ref either way: for another remote ref it only supplies the "have" line.
     */
    private fetchInto;
    /** Fetches the rest of the history behind a shallow cache. */
    unshallow(): Promise<void>;
    /**
     * Pushes `commit` to the branch only if the remote still holds `expected` (null: absent).
     * Returns false when someone else got there first; the server re-checks the old value under
     * its own lock, so a push racing ours cannot be overwritten.
     */
    push(commit: string, expected: string | null): Promise<boolean>;
    /**
     * Points `branch` (never the registry branch) at `commit`, replacing whatever it held: a
     * proposal is rebuilt, not appended to. Returns false when the server refused the update
     * because the branch moved meanwhile (another run proposing the same change).
     */
    pushProposal(commit: string, branch: string): Promise<boolean>;
    /** What every push names: this cache, the remote and its credentials, our ref → their branch. */
    private pushTarget;
    /**
     * isomorphic-git pushes a ref, not a commit: a ref of this process's own names the commit for
     * the push's duration, so concurrent pushes from one cache never see each other's.
     */
    private withOutgoingRef;
    private pushWithRef;
    /**
     * The server answered the push with a failure. Losing the race on the old value ("failed to
     * update ref", "cannot lock ref", "fetch first") is retried; a hook or branch protection saying
     * no will say no again, so it is reported at once.
     */
    private judgeRejection;
    private redact;
    private unavailable;
}
