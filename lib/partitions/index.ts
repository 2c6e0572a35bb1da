/**
 * Pure partition domain logic (no I/O): calendar keys, range sets, CAN's range
 * wire form, run-length status, the status model and calendar selection.
 * Safe to import from server, client and sandbox code alike.
 */
export { isMarkableGranularity, MARKABLE_GRANULARITIES, type Granularity } from "./granularity";
export { daysInMonth, isLeapYear } from "./calendar";
export {
  addKeys,
  canDateTimeToKey,
  compareKeys,
  enumerateKeys,
  isValidKey,
  keyDistance,
  keyToCanDateTime,
  keyToOrdinal,
  localTodayKey,
  todayKeyInZone,
  nextKey,
  ordinalToKey,
  parsePartitionValue,
  prevKey,
  tryKeyToOrdinal,
  yearOfKey,
  type PartitionKey,
} from "./keys";
export {
  canTimeRangesToRanges,
  countKeysInRanges,
  keysToRanges,
  normalizeRanges,
  parseRangeInput,
  rangeProblemMessage,
  rangeContains,
  rangesToCanTimeRanges,
  keyRangesAsCanTimeRanges,
  rangesToKeys,
  type CanTimeRange,
  type KeyRange,
  type RangeInputParse,
  type RangeInputProblem,
  type RangeParse,
} from "./ranges";
export { countByStatus, encodeRuns, fillRuns, PARTITION_STATUSES, statusAt, type PartitionStatus, type StatusRun } from "./runs";
// Every export of the status model is public: the barrel re-exports the module whole rather than
// keeping a second list of its names.
export * from "./status-model";
export { parseInstant } from "./instants";
export { addRange, extendTo, removeRange, selectionFromUrlParam, selectionSize, selectionToUrlParam, selectOnly, toggleKey, type Selection } from "./selection";
export { applyStatusToRuns, countStatusesInRanges } from "./runs-in-ranges";
export { rangesAfter, rangesOutside, rangesUpTo } from "./clip";
export { openingYear } from "./opening-year";
export { firstKeyOfYear, newestFirstPrefix, prefixCoversYear, type PrefixOrder } from "./newest-first-prefix";
export { summarizeHistory, type YearSummary } from "./history-summary";
export { MAX_SERIES_CELLS, readOnlySeries, type RawItem, type ReadOnlySeries, type SeriesCell } from "./read-only-series";
export {
  changedKeyCount,
  diffListings,
  listedRuns,
  markExplains,
  unexplainedChanges,
  type ListedStatus,
  type ListingChange,
  type MarkedKey,
} from "./listing-diff";
