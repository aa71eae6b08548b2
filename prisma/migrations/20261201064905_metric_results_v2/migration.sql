-- AlterTable
ALTER TABLE "metric_runs" ADD COLUMN     "peak_rss_bytes" BIGINT,
ADD COLUMN     "phase" TEXT,
ADD COLUMN     "progress" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "metric_contributor_summaries" (
    "run_id" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "contributions" INTEGER NOT NULL,
    "attribution" DOUBLE PRECISION NOT NULL,
    "attribution_share" DOUBLE PRECISION NOT NULL,
    "contribution_share" DOUBLE PRECISION NOT NULL,
    "premium" DOUBLE PRECISION NOT NULL,
    "betweenness" DOUBLE PRECISION NOT NULL,
    "is_hub" BOOLEAN NOT NULL,
    "pass_through" DOUBLE PRECISION NOT NULL,
    "pagerank" DOUBLE PRECISION NOT NULL,
    "visibility" DOUBLE PRECISION NOT NULL,
    "visibility_share" DOUBLE PRECISION NOT NULL,
    "sources" JSONB NOT NULL,

    CONSTRAINT "metric_contributor_summaries_pkey" PRIMARY KEY ("run_id","scope","user_id")
);

-- CreateTable
CREATE TABLE "metric_documents" (
    "run_id" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "period_unit" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "metric_documents_pkey" PRIMARY KEY ("run_id","scope","period_unit","key")
);

-- CreateIndex
CREATE INDEX "metric_contributor_summaries_run_id_scope_attribution_idx" ON "metric_contributor_summaries"("run_id", "scope", "attribution");
