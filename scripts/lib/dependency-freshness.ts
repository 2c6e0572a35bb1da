// Whether an installed dependency is on the newest release of its line, judged by the registry's
// publish times so the same commit gets the same answer on the same day: a newer release that has
// been out longer than the grace period is a finding; a younger one is a warning with its date.
//
// A "line" is what a caret range keeps compatible: the major for 1.x and up, the minor for 0.x
// (0.5.16 → 0.5.*), and 0.0.* for 0.0.x (every 0.0 release may break, but there is nothing wider
// to compare with).

export const GRACE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

type Parsed = { major: number; minor: number; patch: number; pre: string | undefined };

function parse(version: string): Parsed | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-([^+]+))?(?:\+.*)?$/.exec(version);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), pre: m[4] };
}

export function compareVersions(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return a.localeCompare(b);
  return pa.major - pb.major || pa.minor - pb.minor || pa.patch - pb.patch;
}

/** The line a version belongs to, as the range a person would type (`^5.0.0`, `^0.5.0`, `0.0.x`). */
export function lineOf(version: string): { label: string; contains: (o: Parsed) => boolean } | undefined {
  const v = parse(version);
  if (!v) return undefined;
  if (v.major > 0) return { label: `^${v.major}.0.0`, contains: (o) => o.major === v.major };
  if (v.minor > 0) return { label: `^0.${v.minor}.0`, contains: (o) => o.major === 0 && o.minor === v.minor };
  return { label: "0.0.x", contains: (o) => o.major === 0 && o.minor === 0 };
}

export type Freshness = { verdict: "current" } | { verdict: "behind" | "recent"; newest: string; publishedAt: string; line: string };

/** `times` is `npm view NAME time --json`: version → ISO publish time (plus `created`/`modified`). */
export function judgeFreshness({
  name,
  installed,
  times,
  now,
  graceDays = GRACE_DAYS,
}: {
  name: string;
  installed: string;
  times: Record<string, string>;
  now: Date;
  graceDays?: number;
}): Freshness {
  const line = lineOf(installed);
  if (!line) throw new Error(`${name}: cannot read the installed version "${installed}"`);
  const cutoff = now.getTime() - graceDays * DAY_MS;
  const newer = Object.entries(times)
    .map(([version, at]) => ({ version, parsed: parse(version), at: Date.parse(at) }))
    .filter((r) => r.parsed !== undefined && !r.parsed.pre && line.contains(r.parsed) && compareVersions(r.version, installed) > 0 && Number.isFinite(r.at))
    // A release dated after "now" cannot have been seen yet (a clock behind the registry's).
    .filter((r) => r.at <= now.getTime())
    .sort((a, b) => compareVersions(a.version, b.version));
  if (newer.length === 0) return { verdict: "current" };
  const overdue = newer.filter((r) => r.at <= cutoff);
  const pick = overdue.at(-1) ?? newer.at(-1);
  if (!pick) return { verdict: "current" }; // not reached: `newer` is not empty
  return {
    verdict: overdue.length > 0 ? "behind" : "recent",
    newest: pick.version,
    publishedAt: new Date(pick.at).toISOString().slice(0, 10),
    line: line.label,
  };
}
