import type { Stats } from 'node:fs';
import { RegistryError } from '../domain/errors.js';
/** Marks our temp files so that sweeps and humans can tell them from anything else. */
export declare const TEMP_MARKER = ".mreg-";
export declare const TEMP_SUFFIX = ".tmp";
/**
 * A unique temp path in the same directory as `finalPath` (`.<base>.mreg-<random>.tmp`): same
 * directory means same filesystem, so the final rename is atomic; the leading dot hides it from
 * casual listings while it is being written.
 */
export declare function tempPathBeside(finalPath: string): string;
/** True for names produced by tempPathBeside (for sweeping temp files a killed process left). */
export declare function isTempName(name: string): boolean;
/**
 * True for temp files written on the way to `finalPath`: tempPathBeside(finalPath), and the
 * temp files of stores that stage through a sibling (`<file>.gz`, itself written through a temp).
 */
export declare function isTempNameFor(name: string, finalPath: string): boolean;
/**
 * Removes the temp files a killed earlier write to `finalPath` left beside it, once they have not
 * been written to for `olderThanMs` (a write in progress keeps touching its file). With
 * `directories`, also the temp directories of a killed directory fetch (the tree being restored,
 * or the old tree renamed aside before its removal), judged by the newest change anywhere inside:
 * a restore in progress keeps writing some file in it. Best effort: the write that calls this
 * must not fail because an old leftover cannot be removed.
 */
export declare function sweepStaleTempsBeside(finalPath: string, olderThanMs: number, options?: {
    directories?: boolean;
}): Promise<string[]>;
/**
 * Renames `tempPath` over `finalPath` (replacing it atomically on POSIX) and then syncs the
 * directory, because the rename itself lives in the directory's entry table and is only durable
 * once that is flushed. The caller must have fsynced the temp file's contents already.
 */
export declare function moveIntoPlace(tempPath: string, finalPath: string): Promise<void>;
/** What kind of special file `info` describes, or null for regular files, directories and symlinks. */
export declare function specialFileKind(info: Stats): string | null;
/**
 * Refuses to write over a FIFO, device or socket at `path` (nothing there is fine): mreg writes
 * by renaming a finished file into place, which would replace the special file, never write
 * through it. `label` is how the user named the path (`--out "x"`).
 */
export declare function refuseSpecialFile(path: string, label: string): Promise<void>;
/**
 * Best effort: some platforms (Windows) and filesystems cannot open or fsync a directory; the
 * data itself is already synced there, so failing the whole operation would help nobody.
 */
export declare function syncDirectory(directory: string): Promise<void>;
/**
 * Removes a file if it is there, ignoring every error: used on failure paths, where the original
 * error is what the user must see. Read-only files are made writable first because Windows refuses
 * to unlink them.
 */
export declare function removeQuietly(path: string): Promise<void>;
/** Writes a whole small file atomically (temp beside it, fsync, rename, directory sync). */
export declare function writeFileAtomic(finalPath: string, data: string | Uint8Array, options?: {
    mode?: number;
}): Promise<void>;
/** Node's error code (`ENOENT`, `EEXIST`…) of a thrown value, if it has one. */
export declare const errorCode: (error: unknown) => string | undefined;
/**
 * Turns a Node file-system error into a RegistryError with a one-line message that says what to
 * do. `action` completes the sentence "could not <action> <path>". RegistryErrors pass through.
 */
export declare function fileSystemError(error: unknown, action: string, path: string): RegistryError;
