import type { LocalState } from '../artifact-store.js';
export declare class LocalStateFiles implements LocalState {
    private readonly dir;
    constructor(dir: string);
    read(key: string): Promise<string | null>;
    write(key: string, value: string): Promise<void>;
    private path;
}
