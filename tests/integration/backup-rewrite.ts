// Test helper: re-encodes a backup file with a changed manifest or one table's rows changed, and
// every checksum recomputed, to make files that are well formed but wrong in content.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { type BackupManifest, dataFrames, frame, jsonFrame, MAGIC, parseManifest, parseTableStart, readFrames } from "../../lib/db/backup/format";

export async function rewriteBackup(
  src: string,
  dst: string,
  edit: { manifest?: (m: BackupManifest) => BackupManifest; table?: string; data?: (rows: string) => string },
): Promise<void> {
  const out: Buffer[] = [MAGIC];
  let table: string | null = null;
  let held: Buffer[] = [];
  async function* once() {
    yield gunzipSync(readFileSync(src));
  }
  for await (const f of readFrames(once())) {
    if (f.kind === "M") out.push(jsonFrame("M", edit.manifest ? edit.manifest(parseManifest(f.payload)) : parseManifest(f.payload)));
    else if (f.kind === "T") {
      table = parseTableStart(f.payload).name;
      out.push(frame("T", f.payload));
    } else if (f.kind === "D" && table === edit.table) held.push(f.payload);
    else if (f.kind === "F" && table === edit.table && edit.data) {
      const rows = Buffer.from(edit.data(Buffer.concat(held).toString("utf8")), "utf8");
      out.push(...dataFrames(rows));
      const end = JSON.parse(f.payload.toString("utf8"));
      out.push(jsonFrame("F", { ...end, sha256: createHash("sha256").update(rows).digest("hex") }));
      held = [];
    } else out.push(frame(f.kind, f.payload));
  }
  writeFileSync(dst, gzipSync(Buffer.concat(out)));
}
