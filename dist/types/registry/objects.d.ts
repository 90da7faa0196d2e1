export type ObjectType = 'blob' | 'tree' | 'commit';
export interface TreeItem {
    /** Git's mode string: `100644`, `100755`, `120000`, `160000` or `40000`/`040000` for trees. */
    mode: string;
    name: string;
    oid: string;
}
export interface Signature {
    name: string;
    email: string;
    /** Seconds since the epoch. */
    timestamp: number;
    /** Minutes east of UTC (the opposite sign of Date#getTimezoneOffset). */
    offsetMinutes: number;
}
export declare function hashObject(type: ObjectType, content: Uint8Array): {
    oid: string;
    raw: Buffer;
};
/**
 * Writes one object and returns its id. Synchronous on purpose: an object is a few hundred bytes,
 * and a registration writes a dozen; through the thread pool each of an object's four file-system
 * calls waited for a hand-off, and the whole write cost three to four times as long (measured in
 * docs/ARCHITECTURE.md, "Writing a commit"), even with the writes issued together.
 */
export declare function writeObject(gitdir: string, type: ObjectType, content: Uint8Array): string;
export declare function encodeTree(items: TreeItem[]): Buffer;
export declare function formatSignature(sig: Signature): string;
export declare function encodeCommit(options: {
    tree: string;
    parents: string[];
    author: Signature;
    committer: Signature;
    message: string;
}): Buffer;
export declare function signatureAt(identity: {
    name: string;
    email: string;
}, date: Date): Signature;
