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
export declare function writeObject(gitdir: string, type: ObjectType, content: Uint8Array): Promise<string>;
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
