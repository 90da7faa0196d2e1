/**
 * How a file is cut into release assets: GitHub refuses assets of 2 GiB or more, so larger
 * files go up as consecutive byte ranges, each uploaded and verified on its own.
 */
import { invalidInput } from '../../domain/errors.js'

export interface PartPlan {
  index: number
  /** First byte, inclusive. */
  start: number
  /** Last byte, inclusive (start - 1 for an empty file). */
  end: number
  size: number
}

/** Just below 2 GiB (2147483648): GitHub's per-asset limit is "under 2 GiB". */
export const DEFAULT_MAX_PART_BYTES = 2_147_483_000

/**
 * Consecutive ranges covering `size` bytes, none larger than `maxPartBytes`. One range when the
 * file fits (the asset then is the file itself); an empty file is one empty range.
 */
export function planParts(size: number, maxPartBytes: number = DEFAULT_MAX_PART_BYTES): PartPlan[] {
  if (!Number.isSafeInteger(size) || size < 0) throw invalidInput(`invalid file size ${size}`)
  if (!Number.isSafeInteger(maxPartBytes) || maxPartBytes < 1) {
    throw invalidInput(
      `invalid artifacts.max_part_bytes ${maxPartBytes}: use a whole number of bytes above 0`
    )
  }
  if (size <= maxPartBytes) return [{ index: 0, start: 0, end: size - 1, size }]
  const parts: PartPlan[] = []
  for (let start = 0, index = 0; start < size; start += maxPartBytes, index++) {
    const partSize = Math.min(maxPartBytes, size - start)
    parts.push({ index, start, end: start + partSize - 1, size: partSize })
  }
  return parts
}
