// GET /api/admin/exports?dataset=…&format=csv|jsonl|parquet&project=…&unit=…&from=…&to=…&segment=…&variant=…&pseudonymize=1
// Admins only; the file streams from the newest succeeded metric run (lib/export).
import { handleExportDownload } from "@/lib/export/download";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handleExportDownload(request);
}
