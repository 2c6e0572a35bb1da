/** How old a read is, in words: "just now", "4 min ago", "2 h ago". */
export function ageLabel(readAt: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(readAt)) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.floor(hours / 24)} days ago`;
}
