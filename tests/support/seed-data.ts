// What seed-audit.ts writes, shared with the specs that read it.
export const SEED = {
  tenant: "acme",
  plan: { uuid: "e2e-audit-seed", name: "e2e_audit_seed" },
  /** 5 actions on the seed plan: ok, rejected, error, pending (no outcome), unknown. */
  planActions: 5,
  bulkPlan: { uuid: "e2e-audit-bulk", name: "e2e_audit_bulk" },
  bulkCount: 120,
  globexPlan: { uuid: "e2e-audit-globex", name: "e2e_globex_secret_plan" },
  /** One rejected mark whose plan name, user agent and CAN answer try to start a formula mid-cell. */
  hostilePlan: { uuid: "e2e-audit-hostile", name: "maint;=1+1" },
  hostile: {
    userAgent: "a\t=2+2",
    code: " =3+3",
    errorMsg: "down, -4+4",
    detailErrorMsg: "see\r\n@SUM(5+5)",
    traceId: "t|+6+6",
  },
} as const;
