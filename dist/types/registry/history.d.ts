import type { LogEntry, LogOptions } from './backend.js';
import type { GitReader } from './git-reader.js';
export declare function readLog(reader: GitReader, tip: string, options?: LogOptions): Promise<LogEntry[]>;
