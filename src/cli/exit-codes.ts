/** The exit code of `fetch --if-changed` when the destination already held the chosen version. */
export const EXIT_UNCHANGED = 4

/**
 * The exit code when stdout's reader went away (`mreg list | head`): what git and coreutils end
 * with, killed by SIGPIPE (128 + 13). Node ignores SIGPIPE, so a write would fail with EPIPE.
 */
export const EXIT_READER_GONE = 141
