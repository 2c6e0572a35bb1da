const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * CAN prints zone-less wall-clock times ("2025-10-22 08:00:00"). The sandbox writes them in UTC so
 * the state file reads the same whatever zone the host runs in.
 */
export function formatCanDateTime(date: Date): string {
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

/** "Yesterday" as the operator at this machine means it: the host's local calendar, not UTC. */
export function localYesterday(now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Day of week of a "YYYY-MM-DD" key, 0 = Sunday; only used to align WEEK plans on Mondays. */
export function weekdayOf(dayKey: string): number {
  const [y, m, d] = dayKey.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay();
}
