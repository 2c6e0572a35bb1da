import "server-only";

// The audit log: one door for every writer and reader. See docs/decisions/0005-audit-log.md.
export type { MarkAction, MarkIntent, MarkOutcome, AuthEventAction, AdminEventAction, AuditActor } from "./types";
export { GLOBAL_CHAIN } from "./types";
export { recordMarkIntent, recordMarkOutcome, lastMarksForPlan, readPlanMarks, planMarksThrough, MARK_ACTIONS, type LastMark } from "./marks";
export { recordAuthEvent, recordAdminEvent, recordAuditExport } from "./events";
export { auditCsvHeader, auditCsvLine } from "./csv";
export { listAudit, iterateAudit, listAuditForPlan, type AuditEntry, type AuditPage, type PlanHistoryEntry } from "./query";
export { verifyAll, verifyChain, describeReport, type ChainReport, type ChainProblem } from "./verify";
export { OBSERVED_ACTION, OUTSIDE_ACTOR, listOutsideChanges, type OutsideChange, type ObservedInterval } from "./observed";
