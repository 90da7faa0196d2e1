export interface PartPlan {
    index: number;
    /** First byte, inclusive. */
    start: number;
    /** Last byte, inclusive (start - 1 for an empty file). */
    end: number;
    size: number;
}
/** Just below 2 GiB (2147483648): GitHub's per-asset limit is "under 2 GiB". */
export declare const DEFAULT_MAX_PART_BYTES = 2147483000;
/**
 * Consecutive ranges covering `size` bytes, none larger than `maxPartBytes`. One range when the
 * file fits (the asset then is the file itself); an empty file is one empty range.
 */
export declare function planParts(size: number, maxPartBytes?: number): PartPlan[];
