-- metric_contributor_periods, ~17M rows per run at the benchmark's size, becomes a table
-- partitioned by run: each recompute writes its rows into a table of its own without indexes,
-- builds the indexes once at the end (a sorted build, far cheaper than 17M index insertions) and
-- attaches it; an old run's rows go with DROP TABLE instead of a 17M-row DELETE and its vacuum
-- (lib/jobs/run-partitions.ts). Prisma's schema is unchanged: the parent has the same columns,
-- primary key and index, and reads with run_id = … touch only that run's partition.
--
-- Rows of runs written before this migration (and rows a restore loads) live in the DEFAULT
-- partition until their runs are deleted the old way.

ALTER TABLE "metric_contributor_periods" RENAME TO "metric_contributor_periods_unpartitioned";
ALTER TABLE "metric_contributor_periods_unpartitioned" RENAME CONSTRAINT "metric_contributor_periods_pkey" TO "metric_contributor_periods_unpartitioned_pkey";
ALTER INDEX "metric_contributor_periods_run_id_scope_period_unit_period__idx" RENAME TO "metric_contributor_periods_unpartitioned_period_idx";

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
) PARTITION BY LIST ("run_id");

CREATE INDEX "metric_contributor_periods_run_id_scope_period_unit_period__idx" ON "metric_contributor_periods"("run_id", "scope", "period_unit", "period_start");

CREATE TABLE "metric_contributor_periods_default" PARTITION OF "metric_contributor_periods" DEFAULT;

INSERT INTO "metric_contributor_periods" SELECT * FROM "metric_contributor_periods_unpartitioned";
DROP TABLE "metric_contributor_periods_unpartitioned";
