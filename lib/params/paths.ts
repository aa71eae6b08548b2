// The params object as dotted paths and back: the form sends one input per leaf
// ("kindWeights.code"), and zod's issue paths come back in the same dotted form.

export function getAtPath(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** Every leaf of a nested object as "a.b.c". */
export function leafPaths(obj: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v) ? leafPaths(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/**
 * Form values keyed by dotted path to a nested object of numbers. A blank or non-numeric input
 * stays a string so the schema refuses it with a message beside that field.
 */
export function formToParams(values: Record<string, unknown>, paths: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    const raw = values[path];
    const text = typeof raw === "string" ? raw.trim() : "";
    const n = text === "" ? Number.NaN : Number(text);
    const keys = path.split(".");
    let node = out;
    for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1]] = Number.isFinite(n) ? n : text;
  }
  return out;
}
