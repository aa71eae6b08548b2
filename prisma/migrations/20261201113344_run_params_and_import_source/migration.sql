-- AlterTable
ALTER TABLE "metric_runs" ADD COLUMN     "params" JSONB;

-- AlterTable
ALTER TABLE "import_batches" ADD COLUMN     "source" TEXT;
