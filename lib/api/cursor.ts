// Cursor pagination. Every list is ordered by id ascending, which never changes for a row and puts
// rows created while a client pages at the end: walking the cursors visits each row once. The
// cursor is opaque to clients (base64url JSON) so that its content may change between versions.
import { ApiError } from "./errors";

export function encodeCursor(afterId: number): string {
  return Buffer.from(JSON.stringify({ v: 1, after: afterId }), "utf8").toString("base64url");
}

/** The id to continue after, or 0 for the first page. */
export function decodeCursorOrThrow(cursor: string | undefined): number {
  if (cursor === undefined || cursor === "") return 0;
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { v?: unknown; after?: unknown };
    if (value.v === 1 && Number.isInteger(value.after) && (value.after as number) >= 0 && (value.after as number) <= 2_147_483_647) return value.after as number;
  } catch {
    /* falls through to the refusal */
  }
  throw new ApiError("invalid_cursor", "This cursor is not one the API issued: pass the nextCursor of the previous page.", { fields: { cursor: "Not a valid cursor" } });
}

/** Given up to limit + 1 rows in id order, the page and the cursor to the next one. */
export function toPage<T extends { id: number }, V>(rows: T[], limit: number, view: (row: T) => V): { data: V[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { data: page.map(view), nextCursor: more ? encodeCursor(page[page.length - 1].id) : null };
}
