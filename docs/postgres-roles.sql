-- Least privilege for the console on PostgreSQL: a migration role that owns the tables, and a
-- runtime role that the app instances log in as. Run once as a superuser, before the first
-- `npm run db:migrate` (README "Deploying"; tested by lib/db/least-privilege.db.test.ts):
--
--   psql "postgres://postgres@db.internal/postgres" -v owner_password='…' -v app_password='…' -f docs/postgres-roles.sql
--
-- Optional: -v owner=… -v app=… -v db=… (defaults can_console_owner, can_console_app, can_console).
-- Then: DATABASE_URL=postgres://can_console_owner:…@…/can_console npm run db:migrate
-- and the instances run with DATABASE_URL=postgres://can_console_app:…@…/can_console.
--
-- The runtime role can SELECT and INSERT the audit tables (and UPDATE a chain head) but not UPDATE,
-- DELETE or TRUNCATE audit_log, nor disable its trigger (only an owner can), nor set
-- session_replication_role (superuser only). Migration 0002 takes back whatever a default privilege
-- granted it on the audit tables. Everything else it may read and write.
\set ON_ERROR_STOP on
\if :{?owner}
\else
  \set owner can_console_owner
\endif
\if :{?app}
\else
  \set app can_console_app
\endif
\if :{?db}
\else
  \set db can_console
\endif

CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"app" LOGIN PASSWORD :'app_password';
CREATE DATABASE :"db" OWNER :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"app";

\connect :"db"
ALTER SCHEMA public OWNER TO :"owner";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app";
-- What the owner creates from now on (every migration), the app may use; schemas include drizzle's
-- bookkeeping, which the app reads at start-up to see that no migration is pending.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" GRANT USAGE ON SCHEMAS TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" GRANT USAGE, SELECT ON SEQUENCES TO :"app";
