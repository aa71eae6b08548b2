import { z } from "zod";

/** Trims, then refuses empty strings; control characters other than newline and tab are refused. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), "Contains control characters");

export const requiredText = (max: number, label: string) => text(max).pipe(z.string().min(1, `${label} is required`));

export const idSchema = z.coerce.number({ error: "Not a valid id" }).int("Not a valid id").min(1, "Not a valid id").max(2_147_483_647, "Not a valid id");

export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{1,38}$/, "2–39 characters: lower-case letters, digits, - and _, starting with a letter or digit");

export const emailSchema = z.string().trim().toLowerCase().max(254, "At most 254 characters").email("Not a valid email address");

export const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

/**
 * Reads a FormData into a plain object; repeated keys become arrays. Anyone can call an action
 * with arguments of any type, not only the form: anything else reads as an empty form, which the
 * schemas then refuse field by field.
 */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!(form instanceof FormData)) return out;
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    if (key.startsWith("$ACTION")) continue;
    if (key in out) {
      const prev = out[key];
      out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
    } else out[key] = value;
  }
  return out;
}

/** One text field of an action's form (its first value), or null; null too when the argument is no form. */
export function formValue(form: FormData, key: string): string | null {
  if (!(form instanceof FormData)) return null;
  const value = form.get(key);
  return typeof value === "string" ? value : null;
}

/** zod issues to one message per field (the first), keyed by the dotted path. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}
