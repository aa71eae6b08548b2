// Reads a backup file front to back, checking everything the format promises: the manifest, each
// table in the manifest's order with its columns, every table's row count and sha256, and the end
// record. The visitor sees the data as it is read; restore streams it into COPY, verify drops it.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createGunzip } from "node:zlib";
import { type BackupManifest, type BackupTable, BackupFormatError, countRows, parseEnd, parseManifest, parseTableEnd, parseTableStart, readFrames } from "./format";

export interface BackupVisitor {
  manifest?(manifest: BackupManifest): Promise<void> | void;
  tableStart?(table: BackupTable): Promise<void> | void;
  data?(chunk: Buffer): Promise<void> | void;
  /** called once the table's rows and checksum have been checked */
  tableEnd?(table: BackupTable): Promise<void> | void;
}

/** The decompressed bytes of a backup file; gzip's own errors (bad CRC, early end) become BackupFormatError. */
export async function* openBackupFile(file: string): AsyncGenerator<Buffer> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new Error(`No backup file at ${file}`);
  const gunzip = createGunzip();
  const source = createReadStream(file);
  source.on("error", (e) => gunzip.destroy(e));
  source.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("Z_")) throw new BackupFormatError(`gzip says "${(error as Error).message}"`);
    throw error;
  } finally {
    source.destroy();
  }
}

export async function walkBackup(input: AsyncIterable<Buffer>, visitor: BackupVisitor = {}): Promise<BackupManifest> {
  const frames = readFrames(input);
  const next = async (expected: string) => {
    const r = await frames.next();
    if (r.done) throw new BackupFormatError(`the file ends before the ${expected}`);
    return r.value;
  };
  const first = await next("manifest");
  if (first.kind !== "M") throw new BackupFormatError("the first record is not the manifest");
  const manifest = parseManifest(first.payload);
  await visitor.manifest?.(manifest);
  for (const table of manifest.tables) {
    const start = await next(`data of table ${table.name}`);
    const header = start.kind === "T" ? parseTableStart(start.payload) : null;
    if (!header || header.name !== table.name || header.columns.join("\t") !== table.columns.join("\t")) {
      throw new BackupFormatError(`expected the start of table ${table.name}`);
    }
    await visitor.tableStart?.(table);
    const hash = createHash("sha256");
    let rows = 0;
    for (;;) {
      const f = await next(`end of table ${table.name}`);
      if (f.kind === "D") {
        hash.update(f.payload);
        rows += countRows(f.payload);
        await visitor.data?.(f.payload);
        continue;
      }
      if (f.kind !== "F") throw new BackupFormatError(`unexpected record inside table ${table.name}`);
      const end = parseTableEnd(f.payload);
      if (end.name !== table.name) throw new BackupFormatError(`table ${table.name} is closed as ${end.name}`);
      if (end.rows !== rows || end.rows !== table.rows) {
        throw new BackupFormatError(`table ${table.name} holds ${rows} rows, its end record says ${end.rows} and the manifest ${table.rows}`);
      }
      if (end.sha256 !== hash.digest("hex")) throw new BackupFormatError(`the data of table ${table.name} does not match its checksum`);
      break;
    }
    await visitor.tableEnd?.(table);
  }
  const last = await next("end record");
  if (last.kind !== "E" || parseEnd(last.payload).tables !== manifest.tables.length) throw new BackupFormatError("the end record is missing or wrong");
  if (!(await frames.next()).done) throw new BackupFormatError("there are records after the end record");
  return manifest;
}

/** Reads the whole file and checks it without touching any database; returns its manifest. */
export const verifyBackupFile = (file: string) => walkBackup(openBackupFile(file));
