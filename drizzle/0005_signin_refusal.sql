CREATE TABLE "signin_refusal" (
	"bucket" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"refused" integer NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signin_refusal_bucket_window_start_pk" PRIMARY KEY("bucket","window_start")
);
--> statement-breakpoint
CREATE INDEX "signin_refusal_window_idx" ON "signin_refusal" USING btree ("window_start");