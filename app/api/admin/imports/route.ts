// POST /api/admin/imports?kind=contributions|links&format=csv|jsonl&source=<name>&filename=<name>
// with the file as the raw request body. Session and canImport first; the body is streamed to a
// temporary file and the import runs in the background of this process: 202 with its id.
// The proxy does not see this route, so it refuses cross-origin senders itself (CSRF).
import { getSessionActor } from "@/lib/auth/session";
import { importErrorResponse } from "@/lib/import/http";
import { getImportPool } from "@/lib/import/pool";
import { acceptImportUpload } from "@/lib/import/upload";
import { crossOriginRefusal, isCrossOriginWrite } from "@/lib/security/same-origin";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  if (isCrossOriginWrite(request)) return crossOriginRefusal();
  try {
    const actor = await getSessionActor();
    const { id } = await acceptImportUpload(actor, {
      params: new URL(request.url).searchParams,
      contentLength: request.headers.get("content-length"),
      body: request.body,
    }, getImportPool());
    return Response.json({ id }, { status: 202 });
  } catch (e) {
    return importErrorResponse(e);
  }
}
