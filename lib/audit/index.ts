import "server-only";

// The audit log: one door for every writer and reader. See docs/decisions/0005-audit-log.md.
export type { MarkAction, MarkIntent, MarkOutcome, AuthEventAction, AdminEventAction, AuditActor } from "./types";
export { GLOBAL_CHAIN } from "./types";
export { recordMarkIntent, recordMarkOutcome, lastMarksForPlan, readPlanMarks, planMarksThrough, type LastMark } from "./marks";
export { recordAuthEvent, recordAdminEvent, recordAuditExport } from "./events";
export { auditCsvHeader, auditCsvLine } from "./csv";
export { auditExportStream, type ExportFormat } from "./export-stream";
export { listAudit, iterateAudit, EXPORT_PAGE, listAuditForPlan, type AuditEntry, type AuditPage, type PlanHistoryEntry } from "./query";
export { verifyAll, verifyChain, describeReport, type ChainReport, type ChainProblem, type VerifyOptions } from "./verify";
export { sealLegacyChains, takeCheckpoints } from "./anchor";
export { readCheckpoints, type Checkpoint, type CheckpointFile } from "./checkpoint";
export { resolveAuditKey, describeKey, type AuditKey } from "./mac";
export { OBSERVED_ACTION, OUTSIDE_ACTOR, listOutsideChanges, type OutsideChange, type ObservedInterval } from "./observed";
