/** The exit code of `fetch --if-changed` when the destination already held the chosen version. */
export const EXIT_UNCHANGED = 4
