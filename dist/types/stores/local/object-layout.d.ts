import type { Artifact } from '../../domain/types.js';
import type { InUseCheck } from '../artifact-store.js';
/** Where the CLI keeps the store of a repository: inside the git dir, so it never shows as untracked. */
export declare function defaultLocalStoreRoot(gitdir: string): string;
/** One stored object; the same shape as the port's optional `listObjects`. */
export interface StoredObject {
    sha256: string;
    size: number;
    /** Absolute path of the object file. */
    path: string;
    /** When the object was written or last re-stored: orphan sweeps spare recent ones. */
    modified: Date;
}
/** Absolute path of the object holding the bytes with this SHA-256 (whether or not it exists). */
export declare function objectFile(root: string, sha256: string): string;
export declare function tempDirectory(root: string): string;
/** Whether bytes with this SHA-256 are stored (without re-hashing them). */
export declare function hasObject(root: string, sha256: string): Promise<boolean>;
/** Every stored object, in SHA-256 order. Names that are not objects are skipped. */
export declare function listObjectFiles(root: string): AsyncIterable<StoredObject>;
/**
 * How long a pin protects shared bytes at most. A registration settles its pin within seconds of
 * storing; an older one belongs to a registration that was killed, as does one whose process
 * (named in the pin) no longer runs on this machine. Either is ignored, so the next cleanup
 * sweeps what a killed registration left.
 */
export declare const PIN_STALE_MS = 3600000;
export declare function pinDirectory(root: string): string;
/**
 * Pins the bytes with this SHA-256 for a registration in flight: an empty file
 * `<root>/pins/<sha256>.<random>` (one per registration, so two registrations of the same bytes
 * never release each other's). Returns its path, for unpinObject.
 */
export declare function pinObject(root: string, sha256: string): Promise<string>;
export declare function unpinObject(pinPath: string): Promise<void>;
/** Whether a registration younger than PIN_STALE_MS holds a pin on these bytes. */
export declare function isPinned(root: string, sha256: string): Promise<boolean>;
/**
 * A name for a file a process keeps in the store while it works (a pin, a temp file): it carries
 * this machine and the process, so a sweep can tell a file whose writer was killed from one still
 * being written.
 */
export declare function ownedName(prefix: string): string;
/** True when the name (from ownedName) names a process on this machine that no longer exists. */
export declare function ownerIsGone(name: string): boolean;
/**
 * Removes an object unless a registration needs it. The order is what makes this safe against a
 * concurrent register of the same bytes in another process, which pins, then looks for the
 * object, then commits its metadata, then unpins:
 *   1. the object is renamed away (into tmp/), so a register that looks after this stores its own copy;
 *   2. pins are read: a register that found the object before step 1 pinned before looking;
 *   3. `inUse` re-reads the registry: a register that already unpinned has committed before step 2.
 * If 2 or 3 says the bytes are needed they are renamed back; otherwise they are deleted. A remover
 * killed between 1 and the end leaves the bytes in tmp/ (swept later); the register's own check
 * after committing (StoreLease.settle) then reports the loss instead of claiming success.
 * Returns whether the bytes were deleted.
 */
export declare function removeObject(root: string, sha256: string, inUse?: InUseCheck): Promise<boolean>;
/** A file a killed writer may have left: a temp file in tmp/ or a pin in pins/. */
export interface Leftover {
    /** `tmp/<name>` or `pins/<name>`. */
    id: string;
    path: string;
    size: number;
    /** When it was last written; the epoch when its writer is known to be dead (sweep at once). */
    modified: Date;
}
/**
 * Temp files and pins whose writer may be gone. Pins that still protect a registration in flight
 * (isPinned's rules) are not listed: removing them would expose shared bytes to a remover.
 */
export declare function listLeftovers(root: string): AsyncIterable<Leftover>;
/** Removes one leftover by its id (a name inside tmp/ or pins/, nothing else). */
export declare function removeLeftover(root: string, id: string): Promise<void>;
/** The artifact's SHA-256, after checking that it is one this store can serve. */
export declare function checkArtifact(artifact: Artifact, options?: {
    allowDeleted?: boolean;
}): string;
/**
 * A digest from the caller is their mistake (invalid input); one from registry metadata means the
 * metadata is corrupt (integrity). Either way it must be checked before it becomes part of a path.
 */
export declare function checkedHex(sha256: string, kind: 'invalid-input' | 'integrity'): string;
