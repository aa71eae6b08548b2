-- AlterTable
ALTER TABLE "users" ADD COLUMN     "merged_into_id" INTEGER;

-- CreateTable
CREATE TABLE "identity_merges" (
    "id" SERIAL NOT NULL,
    "source_id" INTEGER NOT NULL,
    "target_id" INTEGER NOT NULL,
    "moved" JSONB NOT NULL,
    "source_before" JSONB NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reverted_at" TIMESTAMPTZ(3),
    "reverted_by_id" INTEGER,

    CONSTRAINT "identity_merges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ring_reviews" (
    "contribution_id" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "decided_by_id" INTEGER,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ring_reviews_pkey" PRIMARY KEY ("contribution_id")
);

-- CreateTable
CREATE TABLE "import_batches" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'queued',
    "phase" TEXT,
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "total_rows" INTEGER NOT NULL DEFAULT 0,
    "inserted_rows" INTEGER NOT NULL DEFAULT 0,
    "skipped_rows" INTEGER NOT NULL DEFAULT 0,
    "error_rows" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "token_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("token_id","key")
);

-- CreateIndex
CREATE INDEX "identity_merges_source_id_idx" ON "identity_merges"("source_id");

-- CreateIndex
CREATE INDEX "identity_merges_target_id_idx" ON "identity_merges"("target_id");

-- CreateIndex
CREATE INDEX "ring_reviews_decision_idx" ON "ring_reviews"("decision");

-- CreateIndex
CREATE INDEX "import_batches_created_at_idx" ON "import_batches"("created_at");

-- CreateIndex
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");

-- Hand-written: the decisions a ring review can hold, and the kinds and formats of an import.
ALTER TABLE "ring_reviews" ADD CONSTRAINT "ring_reviews_decision_check" CHECK ("decision" IN ('cleared', 'confirmed'));
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_kind_check" CHECK ("kind" IN ('contributions', 'links', 'git'));
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_format_check" CHECK ("format" IN ('csv', 'jsonl', 'git'));
ALTER TABLE "identity_merges" ADD CONSTRAINT "identity_merges_distinct_check" CHECK ("source_id" <> "target_id");
