// What the partitions must look like after many operators marked them at once. Marks that overlap
// in time may land in CAN in either order, so "the last acknowledged mark" is read as
// linearizability: a partition's final status must be the status of a mark that touched it and
// that no other mark touching it provably followed (one sent only after it was acknowledged).

export type PartitionState = "success" | "failed" | "missing";

export type AckedMark = {
  id: string;
  keys: readonly string[];
  /** What the mark leaves behind: cleared partitions read as missing. */
  result: PartitionState;
  sentAt: number;
  ackedAt: number;
};

export type LedgerProblem = { key: string; final: PartitionState; allowed: PartitionState[] };

export function checkFinalState(
  keys: readonly string[],
  initial: (key: string) => PartitionState,
  final: (key: string) => PartitionState,
  marks: readonly AckedMark[],
): LedgerProblem[] {
  const byKey = new Map<string, AckedMark[]>();
  for (const mark of marks) for (const key of mark.keys) byKey.set(key, [...(byKey.get(key) ?? []), mark]);
  const problems: LedgerProblem[] = [];
  for (const key of keys) {
    const touching = byKey.get(key) ?? [];
    const allowed =
      touching.length === 0
        ? [initial(key)]
        : [...new Set(touching.filter((m) => !touching.some((other) => other !== m && other.sentAt > m.ackedAt)).map((m) => m.result))];
    const got = final(key);
    if (!allowed.includes(got)) problems.push({ key, final: got, allowed });
  }
  return problems;
}
