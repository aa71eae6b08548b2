// The documented row schemas (docs/import-format.md), one per kind. CSV cells and JSON Lines
// values go through the same schemas: a CSV row is first turned into an object of its non-empty
// cells, so an empty cell and a missing key mean the same thing.
import { z } from "zod";
import { ContributionKind, LinkType } from "@/lib/generated/prisma/enums";
import { occurredAtSchema } from "@/lib/validation/contributions";
import { text } from "@/lib/validation/common";
import { parseAuthorList, SHARE_UNITS, type AuthorEntry } from "./authors";

/** A source names where a file's rows come from; it namespaces their external ids. */
export const sourceNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, "1–63 characters: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit");

/** An id from the source system; a JSON number is read as its decimal text. */
export const externalIdSchema = z.preprocess(
  (v) => (typeof v === "number" && Number.isSafeInteger(v) ? String(v) : v),
  z
    .string({ error: "is required" })
    .trim()
    .min(1, "is required")
    .max(200, "at most 200 characters")
    .refine((s) => !/[\u0000-\u001F\u007F]/.test(s), "contains control characters"),
);

const optionalText = (max: number) => text(max).optional().transform((s) => s ?? "");

const urlSchema = z
  .string()
  .trim()
  .max(2000, "at most 2000 characters")
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), "must start with http:// or https://")
  .optional()
  .transform((s) => s ?? null);

const authorsSchema = z
  .unknown()
  .transform((value, ctx): AuthorEntry[] => {
    const parsed = parseAuthorList(value);
    if (typeof parsed === "string") {
      ctx.addIssue({ code: "custom", message: parsed });
      return z.NEVER;
    }
    return parsed;
  });

export const contributionRowSchema = z.strictObject({
  external_id: externalIdSchema,
  project: z.string({ error: "is required" }).trim().toLowerCase().min(1, "is required"),
  title: text(200).pipe(z.string().min(1, "is required")),
  kind: z.enum(ContributionKind, { error: `must be one of ${Object.keys(ContributionKind).join(", ")}` }),
  occurred_at: occurredAtSchema,
  authors: authorsSchema,
  url: urlSchema,
  description: optionalText(10_000),
  status: z.enum(["unreviewed", "accepted", "rejected"], { error: "must be unreviewed, accepted or rejected" }).default("unreviewed"),
});
export type ContributionRowInput = z.output<typeof contributionRowSchema>;

export const linkRowSchema = z
  .strictObject({
    from: externalIdSchema,
    to: externalIdSchema,
    type: z.enum(LinkType, { error: `must be one of ${Object.keys(LinkType).join(", ")}` }).default("builds_on"),
    note: optionalText(500),
    status: z.enum(["unconfirmed", "confirmed"], { error: "must be unconfirmed or confirmed" }).default("unconfirmed"),
    from_source: sourceNameSchema.optional(),
    to_source: sourceNameSchema.optional(),
  });
export type LinkRowInput = z.output<typeof linkRowSchema>;

export { SHARE_UNITS };

/** zod issues as one line: "field: message; field: message" (first message per field). */
export function describeIssues(error: z.ZodError): string {
  const seen = new Map<string, string>();
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      seen.set(`unknown:${issue.keys.join(",")}`, `unknown ${issue.keys.length === 1 ? "key" : "keys"} ${issue.keys.map((k) => `“${k}”`).join(", ")}`);
      continue;
    }
    const key = issue.path.map(String).join(".") || "row";
    if (!seen.has(key)) seen.set(key, `${key}: ${issue.message === "Invalid input" ? "is required" : issue.message}`);
  }
  return [...seen.values()].join("; ");
}
