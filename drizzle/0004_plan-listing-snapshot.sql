CREATE TABLE "plan_listing_snapshot" (
	"tenant_id" text NOT NULL,
	"plan_uuid" text NOT NULL,
	"granularity" text NOT NULL,
	"runs" jsonb NOT NULL,
	"runs_hash" text NOT NULL,
	"through_seq" bigint NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_listing_snapshot_tenant_id_plan_uuid_pk" PRIMARY KEY("tenant_id","plan_uuid")
);
