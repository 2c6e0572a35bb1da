CREATE TABLE "audit_checkpoint" (
	"tenant_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"sig" text NOT NULL,
	CONSTRAINT "audit_checkpoint_tenant_id_seq_pk" PRIMARY KEY("tenant_id","seq")
);
--> statement-breakpoint
CREATE INDEX "audit_log_tenant_actor_idx" ON "audit_log" USING btree ("tenant_id","actor_username","seq");--> statement-breakpoint
CREATE INDEX "audit_log_tenant_action_idx" ON "audit_log" USING btree ("tenant_id","action","seq");--> statement-breakpoint
CREATE INDEX "audit_log_tenant_outcome_idx" ON "audit_log" USING btree ("tenant_id","outcome","seq") WHERE "audit_log"."phase" = 'outcome';--> statement-breakpoint
CREATE INDEX "audit_log_tenant_plan_name_idx" ON "audit_log" USING btree ("tenant_id","plan_name","seq");