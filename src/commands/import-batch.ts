/** Versions per commit of `import` unless told otherwise (apart so the CLI's help shows it without loading the import). */
export const DEFAULT_BATCH = 1000
