import { daysFromCivil, civilFromDays, daysInMonth, formatDay } from "./calendar";

// The DAY calendar's keyboard geometry: weeks starting on Monday, where a key press moves the focus,
// and which day holds the tab stop. Pure, so it is tested here; react-day-picker draws the months.

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
function weekdayOf(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

function parts(key: string): { y: number; m: number; d: number } {
  return { y: Number(key.slice(0, 4)), m: Number(key.slice(5, 7)), d: Number(key.slice(8, 10)) };
}

function addDays(key: string, n: number): string {
  const { y, m, d } = parts(key);
  const c = civilFromDays(daysFromCivil(y, m, d) + n);
  return formatDay(c.year, c.month, c.day);
}

/** Same day n months away, clamped to the target month's length (31 Jan + 1 month = 28/29 Feb). */
function addMonths(key: string, n: number): string {
  const { y, m, d } = parts(key);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatDay(year, month, Math.min(d, daysInMonth(year, month)));
}

/**
 * Where the focus goes from `key` on a navigation key, as in the WAI-ARIA date grid pattern:
 * arrows by day and week, Home/End to the week's ends, PageUp/PageDown by month (with Shift, by
 * year). Null for any other key.
 */
export function focusMove(key: string, pressed: string, shift: boolean): string | null {
  switch (pressed) {
    case "ArrowLeft":
      return addDays(key, -1);
    case "ArrowRight":
      return addDays(key, 1);
    case "ArrowUp":
      return addDays(key, -7);
    case "ArrowDown":
      return addDays(key, 7);
    case "Home":
      return addDays(key, -weekdayOf(daysFromCivil(parts(key).y, parts(key).m, parts(key).d)));
    case "End":
      return addDays(key, 6 - weekdayOf(daysFromCivil(parts(key).y, parts(key).m, parts(key).d)));
    case "PageUp":
      return addMonths(key, shift ? -12 : -1);
    case "PageDown":
      return addMonths(key, shift ? 12 : 1);
    default:
      return null;
  }
}

/** Shift+arrow extends the selection by these steps instead of moving by month or year. */
export const EXTEND_STEPS: Readonly<Record<string, number>> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

export function shiftDays(key: string, n: number): string {
  return addDays(key, n);
}

/**
 * The one day of a year's grid reachable by Tab (roving tabindex): the day last focused if it is in
 * that year, else the latest partition the plan expects (`latest`, never after today) when that year
 * holds it, else the year's last day when the year is wholly before it, else the year's first day;
 * null when the whole year is in the future.
 */
export function tabTarget(lastFocused: string | null, year: string, today: string, latest: string = today): string | null {
  if (lastFocused && lastFocused.startsWith(year) && lastFocused <= today) return lastFocused;
  const last = latest < today ? latest : today;
  if (last.startsWith(year)) return last;
  if (last > `${year}-12-31`) return `${year}-12-31`;
  const first = `${year}-01-01`;
  return first <= today ? first : null;
}
