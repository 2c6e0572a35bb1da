ALTER TABLE "audit_log" ADD COLUMN "mac" text;--> statement-breakpoint
-- Least privilege (docs/postgres-roles.sql): only the owner (the migration role) may change or
-- remove audit rows or chain heads. Whatever a default privilege granted another role when these
-- tables were created, take back UPDATE, DELETE and TRUNCATE on audit_log and DELETE and TRUNCATE
-- on audit_chain_head (the runtime role still SELECTs and INSERTs both, and UPDATEs the head).
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT DISTINCT c.relname AS tbl, a.grantee::regrole::text AS who
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid IN ('audit_log'::regclass, 'audit_chain_head'::regclass)
      AND a.grantee <> c.relowner
      AND (a.privilege_type IN ('DELETE', 'TRUNCATE') OR (c.relname = 'audit_log' AND a.privilege_type = 'UPDATE'))
  LOOP
    EXECUTE format('REVOKE %s ON %I FROM %s',
      CASE WHEN r.tbl = 'audit_log' THEN 'UPDATE, DELETE, TRUNCATE' ELSE 'DELETE, TRUNCATE' END,
      r.tbl,
      CASE WHEN r.who = '-' THEN 'PUBLIC' ELSE r.who END);
  END LOOP;
END $$;
