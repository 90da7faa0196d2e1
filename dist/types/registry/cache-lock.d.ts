export declare function withCacheLock<T>(cacheDir: string, work: () => Promise<T>): Promise<T>;
