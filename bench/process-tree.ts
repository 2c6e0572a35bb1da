// The app's memory as the weight scenario measures it: every process under the one the bench
// started (npx → next → next-server), read from /proc.
import { readdirSync, readFileSync } from "node:fs";

type ProcInfo = { pid: number; ppid: number; name: string; rssKiB: number };

function readProc(pid: number): ProcInfo | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (k: string) => new RegExp(`^${k}:\\s*(.*)$`, "m").exec(status)?.[1]?.trim() ?? "";
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
    return { pid, ppid: Number(field("PPid")), name: cmdline || field("Name"), rssKiB: Number.parseInt(field("VmRSS") || "0", 10) };
  } catch {
    return null;
  }
}

/** VmRSS of every process under `rootPid` (inclusive), from /proc. */
export function processTree(rootPid: number): ProcInfo[] {
  const all = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readProc(Number(d)))
    .filter((p): p is ProcInfo => p !== null);
  const out: ProcInfo[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    const p = all.find((x) => x.pid === pid);
    if (p) out.push(p);
    for (const c of all) if (c.ppid === pid) queue.push(c.pid);
  }
  return out;
}

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks (100 on every Linux the bench runs on). */
const TICKS_PER_SECOND = 100;

function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields resume after the command name's last ")": utime and stime are the 12th and 13th from there.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * CPU seconds (user + system) used so far by every process under `rootPid` (inclusive): on a busy
 * machine the app's CPU per request is the figure that other work does not move much.
 */
export function treeCpuSeconds(rootPid: number): number {
  return processTree(rootPid).reduce((sum, p) => sum + cpuTicks(p.pid), 0) / TICKS_PER_SECOND;
}
