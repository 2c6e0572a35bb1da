/**
 * Range API in one import path. The work is split by job: set algebra
 * (range-set), CAN's wire form (can-ranges) and user-typed input (range-input).
 */
export { countKeysInRanges, keysToRanges, normalizeRanges, rangeContains, rangesToKeys, type KeyRange } from "./range-set";
export { canTimeRangesToRanges, keyRangesAsCanTimeRanges, rangesToCanTimeRanges, type CanTimeRange, type RangeParse } from "./can-ranges";
export { parseRangeInput, rangeProblemMessage, type RangeInputParse, type RangeInputProblem } from "./range-input";
