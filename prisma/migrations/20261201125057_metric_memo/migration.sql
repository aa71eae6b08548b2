-- CreateTable
CREATE TABLE "metric_memo" (
    "key" TEXT NOT NULL,
    "value" BYTEA NOT NULL,
    "last_used_run_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "metric_memo_pkey" PRIMARY KEY ("key")
);
