// Before and after of an audit event as rows of fields: nested objects flatten to dotted paths,
// arrays stay whole (their order is part of the value). Pure, so it is unit-tested.
export type DiffKind = "added" | "removed" | "changed" | "same";

export interface DiffRow {
  path: string;
  before: unknown;
  after: unknown;
  kind: DiffKind;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function flatten(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix || value !== undefined) out.set(prefix || "(value)", value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Rows in the order of `after`, then fields only `before` had; null or undefined sides contribute no fields. */
export function diffRecords(before: unknown, after: unknown): DiffRow[] {
  const b = new Map<string, unknown>();
  const a = new Map<string, unknown>();
  if (before !== null && before !== undefined) flatten(before, "", b);
  if (after !== null && after !== undefined) flatten(after, "", a);
  const rows: DiffRow[] = [];
  for (const [path, v] of a) {
    if (!b.has(path)) rows.push({ path, before: undefined, after: v, kind: "added" });
    else rows.push({ path, before: b.get(path), after: v, kind: same(b.get(path), v) ? "same" : "changed" });
  }
  for (const [path, v] of b) if (!a.has(path)) rows.push({ path, before: v, after: undefined, kind: "removed" });
  return rows;
}

/** A value as shown in the diff: strings bare, everything else as JSON. */
export function showValue(v: unknown): string {
  if (v === undefined) return "";
  if (typeof v === "string") return v;
  return JSON.stringify(v, null, Array.isArray(v) || isObject(v) ? 2 : undefined);
}
