// Authors of imported work are matched to users by email. Someone never seen before becomes an
// imported user: no password, `is_imported`, a handle made from the email, claimable later. An
// identity merged into another one (identity_merges) credits the surviving user.
import type pg from "pg";
import { createHash } from "node:crypto";

export interface AuthorIdentity {
  email: string;
  name: string | null;
}

const HANDLE = /^[a-z0-9][a-z0-9_-]{1,38}$/;

/** "Ada.Lovelace+x@example.org" → "ada-lovelace-x": the handle rules of users_handle_format. */
export function handleBase(email: string): string {
  const local = email.split("@")[0].toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/-{2,}/g, "-").replace(/^[^a-z0-9]+/, "").slice(0, 30).replace(/[-_]+$/, "");
  return local.length >= 2 ? local : `user-${local}`.replace(/-$/, "");
}

function suffixed(base: string, email: string, length: number): string {
  const tag = createHash("sha256").update(email).digest("hex").slice(0, length);
  return `${base.slice(0, 38 - length)}-${tag}`;
}

async function findUsers(client: pg.ClientBase, emails: string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (emails.length === 0) return found;
  const { rows } = await client.query<{ email: string; id: number }>(
    `SELECT u.email, COALESCE(m.id, u.id) AS id
       FROM users u LEFT JOIN users m ON m.id = u.merged_into_id AND m.deactivated_at IS NULL
      WHERE u.email = ANY($1::text[])`,
    [emails],
  );
  for (const r of rows) found.set(r.email, r.id);
  return found;
}

/**
 * User ids for the given authors (emails lower-cased already), creating the missing ones.
 * Handles: the email's local part when free, else with a short hash of the email appended.
 */
export async function resolveAuthors(client: pg.ClientBase, authors: Map<string, string | null>): Promise<{ ids: Map<string, number>; created: number }> {
  const ids = await findUsers(client, [...authors.keys()]);
  let created = 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    const missing = [...authors.keys()].filter((e) => !ids.has(e));
    if (missing.length === 0) break;
    const bases = missing.map(handleBase);
    const { rows } = await client.query<{ handle: string }>("SELECT handle FROM users WHERE handle = ANY($1::text[])", [bases]);
    const taken = new Set(rows.map((r) => r.handle));
    const handles = missing.map((email, i) => {
      const candidate = attempt === 0 && !taken.has(bases[i]) ? bases[i] : suffixed(bases[i], email, 6 + attempt * 4);
      const handle = taken.has(candidate) || !HANDLE.test(candidate) ? suffixed(bases[i], email, 10 + attempt * 4) : candidate;
      taken.add(handle);
      return handle;
    });
    const names = missing.map((email) => authors.get(email) ?? email.split("@")[0]);
    // DO NOTHING on any conflict: a concurrent import may have created the same person, or a
    // handle may collide; the next attempt re-reads and picks longer handles.
    const inserted = await client.query<{ email: string; id: number }>(
      `INSERT INTO users (email, handle, name, is_imported)
       SELECT e, h, n, true FROM unnest($1::text[], $2::text[], $3::text[]) AS t(e, h, n)
       ON CONFLICT DO NOTHING RETURNING email, id`,
      [missing, handles, names],
    );
    created += inserted.rowCount ?? 0;
    for (const r of inserted.rows) ids.set(r.email, r.id);
    const again = await findUsers(client, missing.filter((e) => !ids.has(e)));
    for (const [e, id] of again) ids.set(e, id);
  }
  const unresolved = [...authors.keys()].filter((e) => !ids.has(e));
  if (unresolved.length) throw new Error(`could not create users for ${unresolved.slice(0, 3).join(", ")}`);
  return { ids, created };
}
