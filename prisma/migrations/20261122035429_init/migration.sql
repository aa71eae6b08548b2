-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('contributor', 'maintainer', 'admin');

-- CreateEnum
CREATE TYPE "ProjectKind" AS ENUM ('datanet', 'model', 'agent', 'code', 'community');

-- CreateEnum
CREATE TYPE "ContributionKind" AS ENUM ('data', 'model', 'code', 'review', 'documentation', 'research', 'coordination', 'support', 'other');

-- CreateEnum
CREATE TYPE "ContributionStatus" AS ENUM ('unreviewed', 'accepted', 'rejected', 'quarantined');

-- CreateEnum
CREATE TYPE "ContributionSource" AS ENUM ('manual', 'api', 'import');

-- CreateEnum
CREATE TYPE "LinkType" AS ENUM ('builds_on', 'cites', 'reviews', 'fixes');

-- CreateEnum
CREATE TYPE "LinkStatus" AS ENUM ('unconfirmed', 'confirmed', 'disputed', 'removed');

-- CreateEnum
CREATE TYPE "DisputeSubject" AS ENUM ('link', 'authorship');

-- CreateEnum
CREATE TYPE "DisputeResolution" AS ENUM ('open', 'upheld', 'rejected');

-- CreateEnum
CREATE TYPE "CampaignKind" AS ENUM ('bounty', 'airdrop', 'points', 'hackathon', 'grant');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT,
    "handle" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "role" "Role" NOT NULL DEFAULT 'contributor',
    "is_imported" BOOLEAN NOT NULL DEFAULT false,
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deactivated_at" TIMESTAMPTZ(3),

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "projects" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ProjectKind" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archived_at" TIMESTAMPTZ(3),

    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_maintainers" (
    "project_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_maintainers_pkey" PRIMARY KEY ("project_id","user_id")
);

-- CreateTable
CREATE TABLE "contributions" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "ContributionKind" NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "url" TEXT,
    "status" "ContributionStatus" NOT NULL DEFAULT 'unreviewed',
    "source" "ContributionSource" NOT NULL DEFAULT 'manual',
    "external_id" TEXT,
    "created_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "contributions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contribution_authors" (
    "contribution_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "share" DECIMAL(9,8) NOT NULL,

    CONSTRAINT "contribution_authors_pkey" PRIMARY KEY ("contribution_id","user_id")
);

-- CreateTable
CREATE TABLE "links" (
    "id" SERIAL NOT NULL,
    "from_id" INTEGER NOT NULL,
    "to_id" INTEGER NOT NULL,
    "type" "LinkType" NOT NULL,
    "status" "LinkStatus" NOT NULL DEFAULT 'unconfirmed',
    "note" TEXT NOT NULL DEFAULT '',
    "from_occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "to_occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disputes" (
    "id" SERIAL NOT NULL,
    "subject" "DisputeSubject" NOT NULL,
    "link_id" INTEGER,
    "contribution_id" INTEGER,
    "raised_by_id" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "resolution" "DisputeResolution" NOT NULL DEFAULT 'open',
    "resolution_note" TEXT NOT NULL DEFAULT '',
    "resolved_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "disputes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaigns" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CampaignKind" NOT NULL,
    "project_id" INTEGER,
    "start_at" TIMESTAMPTZ(3) NOT NULL,
    "end_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" INTEGER,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "request_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_attempts" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric_param_sets" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER,
    "params" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "metric_param_sets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric_runs" (
    "id" SERIAL NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'queued',
    "metric_version" INTEGER NOT NULL,
    "params_hash" TEXT NOT NULL,
    "as_of" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "contributions" INTEGER NOT NULL DEFAULT 0,
    "links" INTEGER NOT NULL DEFAULT 0,
    "contributors" INTEGER NOT NULL DEFAULT 0,
    "duration_ms" INTEGER,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "metric_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric_series" (
    "run_id" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "period_unit" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "segment" TEXT NOT NULL DEFAULT 'all',
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION,
    "is_complete" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "metric_series_pkey" PRIMARY KEY ("run_id","scope","period_unit","metric","segment","period_start")
);

-- CreateTable
CREATE TABLE "metric_cohorts" (
    "run_id" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "period_unit" TEXT NOT NULL,
    "variant" TEXT NOT NULL,
    "segment" TEXT NOT NULL DEFAULT 'all',
    "cohort_start" TIMESTAMPTZ(3) NOT NULL,
    "offset" INTEGER NOT NULL,
    "cohort_size" INTEGER NOT NULL,
    "retained" INTEGER NOT NULL,
    "rate" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "metric_cohorts_pkey" PRIMARY KEY ("run_id","scope","period_unit","variant","segment","cohort_start","offset")
);

-- CreateTable
CREATE TABLE "metric_contributor_periods" (
    "run_id" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "period_unit" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "state" TEXT NOT NULL,
    "flow" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "visibility" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "metric_contributor_periods_pkey" PRIMARY KEY ("run_id","scope","period_unit","user_id","period_start")
);

-- CreateTable
CREATE TABLE "metric_contributor_classes" (
    "run_id" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "class" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,

    CONSTRAINT "metric_contributor_classes_pkey" PRIMARY KEY ("run_id","scope","user_id")
);

-- CreateTable
CREATE TABLE "metric_signals" (
    "id" SERIAL NOT NULL,
    "run_id" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "period_unit" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "message" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,

    CONSTRAINT "metric_signals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "jobs" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "RunStatus" NOT NULL DEFAULT 'queued',
    "run_after" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "users_handle_key" ON "users"("handle");

-- CreateIndex
CREATE UNIQUE INDEX "projects_slug_key" ON "projects"("slug");

-- CreateIndex
CREATE INDEX "project_maintainers_user_id_idx" ON "project_maintainers"("user_id");

-- CreateIndex
CREATE INDEX "contributions_project_id_occurred_at_idx" ON "contributions"("project_id", "occurred_at");

-- CreateIndex
CREATE INDEX "contributions_occurred_at_idx" ON "contributions"("occurred_at");

-- CreateIndex
CREATE INDEX "contributions_status_idx" ON "contributions"("status");

-- CreateIndex
CREATE UNIQUE INDEX "contributions_source_external_id_key" ON "contributions"("source", "external_id");

-- CreateIndex
CREATE INDEX "contribution_authors_user_id_contribution_id_idx" ON "contribution_authors"("user_id", "contribution_id");

-- CreateIndex
CREATE INDEX "links_to_id_idx" ON "links"("to_id");

-- CreateIndex
CREATE INDEX "links_status_idx" ON "links"("status");

-- CreateIndex
CREATE UNIQUE INDEX "links_from_id_to_id_type_key" ON "links"("from_id", "to_id", "type");

-- CreateIndex
CREATE INDEX "disputes_link_id_idx" ON "disputes"("link_id");

-- CreateIndex
CREATE INDEX "disputes_contribution_id_idx" ON "disputes"("contribution_id");

-- CreateIndex
CREATE INDEX "disputes_resolution_idx" ON "disputes"("resolution");

-- CreateIndex
CREATE INDEX "campaigns_start_at_end_at_idx" ON "campaigns"("start_at", "end_at");

-- CreateIndex
CREATE INDEX "audit_events_entity_type_entity_id_idx" ON "audit_events"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_created_at_idx" ON "audit_events"("actor_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_created_at_idx" ON "audit_events"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- CreateIndex
CREATE INDEX "sign_in_attempts_key_created_at_idx" ON "sign_in_attempts"("key", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "metric_param_sets_project_id_key" ON "metric_param_sets"("project_id");

-- CreateIndex
CREATE INDEX "metric_runs_status_id_idx" ON "metric_runs"("status", "id");

-- CreateIndex
CREATE INDEX "metric_contributor_periods_run_id_scope_period_unit_period__idx" ON "metric_contributor_periods"("run_id", "scope", "period_unit", "period_start");

-- CreateIndex
CREATE INDEX "metric_contributor_classes_run_id_scope_class_idx" ON "metric_contributor_classes"("run_id", "scope", "class");

-- CreateIndex
CREATE INDEX "metric_signals_run_id_scope_period_unit_idx" ON "metric_signals"("run_id", "scope", "period_unit");

-- CreateIndex
CREATE INDEX "jobs_status_run_after_idx" ON "jobs"("status", "run_after");

-- AddForeignKey
ALTER TABLE "project_maintainers" ADD CONSTRAINT "project_maintainers_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_maintainers" ADD CONSTRAINT "project_maintainers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contribution_authors" ADD CONSTRAINT "contribution_authors_contribution_id_fkey" FOREIGN KEY ("contribution_id") REFERENCES "contributions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contribution_authors" ADD CONSTRAINT "contribution_authors_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "links" ADD CONSTRAINT "links_from_id_fkey" FOREIGN KEY ("from_id") REFERENCES "contributions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "links" ADD CONSTRAINT "links_to_id_fkey" FOREIGN KEY ("to_id") REFERENCES "contributions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "links" ADD CONSTRAINT "links_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "links"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_contribution_id_fkey" FOREIGN KEY ("contribution_id") REFERENCES "contributions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_raised_by_id_fkey" FOREIGN KEY ("raised_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written constraints (not expressible in schema.prisma) ---------------------------------

ALTER TABLE "users" ADD CONSTRAINT "users_handle_format" CHECK ("handle" ~ '^[a-z0-9][a-z0-9_-]{1,38}$');
ALTER TABLE "users" ADD CONSTRAINT "users_credentials_or_imported" CHECK ("password_hash" IS NULL OR "email" IS NOT NULL);
ALTER TABLE "projects" ADD CONSTRAINT "projects_slug_format" CHECK ("slug" ~ '^[a-z0-9][a-z0-9-]{1,62}$');
ALTER TABLE "contribution_authors" ADD CONSTRAINT "contribution_authors_share_range" CHECK ("share" > 0 AND "share" <= 1);
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_title_length" CHECK (char_length("title") BETWEEN 1 AND 200);
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_external_id_source" CHECK (("source" = 'manual') = ("external_id" IS NULL) OR "source" = 'api');
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_window" CHECK ("end_at" > "start_at");
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_one_subject" CHECK (
  ("subject" = 'link' AND "link_id" IS NOT NULL AND "contribution_id" IS NULL) OR
  ("subject" = 'authorship' AND "contribution_id" IS NOT NULL AND "link_id" IS NULL));
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_reason_present" CHECK (char_length(btrim("reason")) >= 3);

-- A link goes from newer to older work. Ties in time are broken by id, so the order is strict and
-- total and the contribution graph is a DAG whatever is inserted, even by concurrent writers.
ALTER TABLE "links" ADD CONSTRAINT "links_no_self" CHECK ("from_id" <> "to_id");
ALTER TABLE "links" ADD CONSTRAINT "links_backward_in_time" CHECK (
  "from_occurred_at" > "to_occurred_at" OR ("from_occurred_at" = "to_occurred_at" AND "from_id" > "to_id"));

CREATE FUNCTION "links_fill_times"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT "occurred_at" INTO NEW."from_occurred_at" FROM "contributions" WHERE "id" = NEW."from_id";
  SELECT "occurred_at" INTO NEW."to_occurred_at" FROM "contributions" WHERE "id" = NEW."to_id";
  RETURN NEW;
END $$;
CREATE TRIGGER "links_fill_times" BEFORE INSERT OR UPDATE OF "from_id", "to_id", "from_occurred_at", "to_occurred_at"
  ON "links" FOR EACH ROW EXECUTE FUNCTION "links_fill_times"();

-- Moving a contribution in time re-checks every link that touches it (the CHECK above fires).
CREATE FUNCTION "contributions_propagate_time"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "links" SET "from_occurred_at" = NEW."occurred_at" WHERE "from_id" = NEW."id";
  UPDATE "links" SET "to_occurred_at" = NEW."occurred_at" WHERE "to_id" = NEW."id";
  RETURN NEW;
END $$;
CREATE TRIGGER "contributions_propagate_time" AFTER UPDATE OF "occurred_at" ON "contributions"
  FOR EACH ROW WHEN (OLD."occurred_at" IS DISTINCT FROM NEW."occurred_at") EXECUTE FUNCTION "contributions_propagate_time"();

-- The audit log is append only.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append only';
END $$;
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();

-- Search picker: case-insensitive title search.
CREATE INDEX "contributions_title_lower_idx" ON "contributions" (lower("title") text_pattern_ops);

-- At most one queued job per kind: recompute requests coalesce (lib/jobs/queue.ts).
CREATE UNIQUE INDEX "jobs_one_queued_per_kind" ON "jobs" ("kind") WHERE "status" = 'queued';
