import { describe, expect, it } from "vitest";
import * as api from "./index";

describe("index", () => {
  it("re-exports the whole public API", () => {
    const functions = [
      "isMarkableGranularity",
      "isValidKey",
      "parsePartitionValue",
      "compareKeys",
      "nextKey",
      "prevKey",
      "addKeys",
      "keyDistance",
      "keyToCanDateTime",
      "canDateTimeToKey",
      "enumerateKeys",
      "localTodayKey",
      "yearOfKey",
      "keysToRanges",
      "rangesToKeys",
      "normalizeRanges",
      "countKeysInRanges",
      "rangeContains",
      "rangesToCanTimeRanges",
      "canTimeRangesToRanges",
      "parseRangeInput",
      "rangeProblemMessage",
      "encodeRuns",
      "statusAt",
      "countByStatus",
      "fillRuns",
      "normalizeCanStatus",
      "resolveStatuses",
      "resolvePartitions",
      "describeDisagreements",
      "selectOnly",
      "toggleKey",
      "addRange",
      "removeRange",
      "extendTo",
      "selectionSize",
      "selectionToUrlParam",
      "selectionFromUrlParam",
    ];
    const exported = api as unknown as Record<string, unknown>;
    expect(functions.filter((name) => typeof exported[name] !== "function")).toEqual([]);
    expect(api.PARTITION_STATUSES).toHaveLength(5);
  });
});
