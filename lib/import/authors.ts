// The authors of an imported contribution: a list of emails with optional names and shares.
// In CSV one cell: `Ada Lovelace <ada@example.org>=0.6; bob@example.org=0.4`; in JSON Lines an
// array of {email, name?, share?} objects (or the same string). Shares are kept as integers of
// 1e-8 (the column is numeric(9,8)), so "sum to 1" is an exact integer comparison.

export const SHARE_UNITS = 100_000_000;

export interface AuthorEntry {
  /** lower-cased: identities are matched by email */
  email: string;
  name: string | null;
  /** share of the credit in units of 1e-8, in (0, SHARE_UNITS] */
  units: number;
}

const EMAIL = /^[^\s@<>;,]+@[^\s@<>;,]+$/;
const ENTRY = /^(?:(.*?)\s*<\s*([^<>\s]*)\s*>|([^<>=\s]+))\s*(?:=\s*(\S*))?$/;
const MAX_AUTHORS = 50;

type Draft = { email: string; name: string | null; share: unknown };

function shareUnits(raw: unknown): number | string {
  const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\d*\.?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isFinite(n)) return `share “${String(raw)}” is not a number`;
  if (n <= 0 || n > 1) return `share ${n} must be more than 0 and at most 1`;
  const units = Math.round(n * SHARE_UNITS);
  if (Math.abs(n * SHARE_UNITS - units) > 1e-4) return `share ${n} has more than 8 decimals`;
  return units;
}

function draftsFrom(value: unknown): Draft[] | string {
  if (typeof value === "string") {
    const parts = value.split(";").map((p) => p.trim()).filter(Boolean);
    const drafts: Draft[] = [];
    for (const part of parts) {
      const m = ENTRY.exec(part);
      if (!m) return `cannot read author “${part}” (write Name <email>=share or email=share, separated by ;)`;
      drafts.push({ name: m[1]?.trim() || null, email: (m[2] ?? m[3] ?? "").trim(), share: m[4] === undefined ? undefined : m[4] });
    }
    return drafts;
  }
  if (Array.isArray(value)) {
    const drafts: Draft[] = [];
    for (const [i, item] of value.entries()) {
      if (!item || typeof item !== "object" || typeof (item as { email?: unknown }).email !== "string") return `author ${i + 1} needs an email`;
      const { email, name, share, ...rest } = item as { email: string; name?: unknown; share?: unknown };
      const extra = Object.keys(rest);
      if (extra.length) return `author ${i + 1} has unknown key “${extra[0]}”`;
      if (name !== undefined && name !== null && typeof name !== "string") return `author ${i + 1}: name must be text`;
      drafts.push({ email, name: typeof name === "string" && name.trim() ? name.trim() : null, share });
    }
    return drafts;
  }
  return "must list at least one author";
}

/** The authors, or why they cannot be read. */
export function parseAuthorList(value: unknown): AuthorEntry[] | string {
  if (value === undefined || value === null) return "must list at least one author";
  const drafts = draftsFrom(value);
  if (typeof drafts === "string") return drafts;
  if (drafts.length === 0) return "must list at least one author";
  if (drafts.length > MAX_AUTHORS) return `at most ${MAX_AUTHORS} authors`;
  const out: AuthorEntry[] = [];
  const seen = new Set<string>();
  for (const d of drafts) {
    const email = d.email.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) return `“${d.email}” is not an email address`;
    if (seen.has(email)) return `${email} is listed twice`;
    seen.add(email);
    if (d.name !== null && d.name.length > 200) return `the name of ${email} is longer than 200 characters`;
    let units: number | string;
    if (d.share === undefined || d.share === null || d.share === "") {
      if (drafts.length > 1) return `${email} has no share (with several authors every one needs a share; they sum to 1)`;
      units = SHARE_UNITS;
    } else units = shareUnits(d.share);
    if (typeof units === "string") return `${email}: ${units}`;
    out.push({ email, name: d.name, units });
  }
  const total = out.reduce((s, a) => s + a.units, 0);
  if (total !== SHARE_UNITS) return `shares sum to ${total / SHARE_UNITS}, not 1`;
  return out;
}

/** A share as numeric text for COPY: exactly the 8 decimals that were read. */
export function shareText(units: number): string {
  return `${Math.floor(units / SHARE_UNITS)}.${String(units % SHARE_UNITS).padStart(8, "0")}`;
}
