import { readFileSync } from "node:fs";

// One line of Linux's /proc/<pid>/stat, the fields we need. Null where there is no such process or
// no /proc (not Linux).

export type ProcStat = { state: string; ppid: number; pgrp: number };

export function readProcStat(pid: number | string): ProcStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: fields resume after the last ")".
    const [state = "", ppid, pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state, ppid: Number(ppid), pgrp: Number(pgrp) };
  } catch {
    return null;
  }
}

/** An exited process nobody reaped (containers whose PID 1 does not reap orphans): it holds nothing. */
export const isZombie = (pid: number): boolean => readProcStat(pid)?.state === "Z";
