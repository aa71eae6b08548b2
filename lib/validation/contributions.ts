import { z } from "zod";
import { ContributionKind, ContributionStatus } from "@/lib/generated/prisma/enums";
import { handleSchema, idSchema, pageSchema, requiredText, text } from "./common";

const EARLIEST = Date.UTC(2000, 0, 1);

/** "When it happened": an ISO date or date-time; not before 2000, not more than a day ahead. */
export const occurredAtSchema = z
  .string({ error: "When it happened is required" })
  .trim()
  .min(1, "When it happened is required")
  .transform((s, ctx) => {
    // A bare date or a datetime-local value is read as UTC so that the period is the same for everyone.
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(s) ? `${s}Z` : s;
    const ms = Date.parse(iso);
    if (!Number.isFinite(ms)) {
      ctx.addIssue({ code: "custom", message: "Not a valid date" });
      return z.NEVER;
    }
    if (ms < EARLIEST) {
      ctx.addIssue({ code: "custom", message: "Must be in the year 2000 or later" });
      return z.NEVER;
    }
    if (ms > Date.now() + 86_400_000) {
      ctx.addIssue({ code: "custom", message: "Cannot be in the future" });
      return z.NEVER;
    }
    return new Date(ms);
  });

const urlSchema = z
  .string()
  .trim()
  .max(2000, "At most 2000 characters")
  .refine((s) => s === "" || /^https?:\/\/[^\s]+$/i.test(s), "Must start with http:// or https://")
  .transform((s) => (s === "" ? null : s));

const shareSchema = z.coerce
  .number({ error: "Share must be a number" })
  .refine(Number.isFinite, "Share must be a number")
  .refine((n) => n > 0 && n < 100, "Share must be between 0 and 100 %")
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, "At most two decimals");

export const coAuthorSchema = z.object({ handle: handleSchema, sharePercent: shareSchema });

/** Co-authors arrive from the form as parallel arrays (coAuthorHandle[], coAuthorShare[]). */
function coAuthorsFromForm(raw: Record<string, unknown>) {
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
  const handles = list(raw.coAuthorHandle);
  const shares = list(raw.coAuthorShare);
  return handles
    .map((handle, i) => ({ handle, sharePercent: shares[i] ?? "" }))
    .filter((c) => c.handle.trim() !== "" || c.sharePercent.trim() !== "");
}

export const contributionFieldsSchema = z.object({
  title: requiredText(200, "Title"),
  kind: z.enum(ContributionKind, { error: "Choose a kind" }),
  projectId: z.coerce.number({ error: "Choose a project" }).int("Choose a project").min(1, "Choose a project").max(2_147_483_647, "Choose a project"),
  occurredAt: occurredAtSchema,
  url: urlSchema,
  description: text(10_000),
  coAuthors: z.array(coAuthorSchema).max(20, "At most 20 co-authors"),
});

export const contributionFormSchema = z.preprocess(
  (raw) => (raw && typeof raw === "object" ? { ...(raw as object), coAuthors: coAuthorsFromForm(raw as Record<string, unknown>) } : raw),
  contributionFieldsSchema,
);
export type ContributionFields = z.output<typeof contributionFieldsSchema>;

export const contributionEditSchema = z.preprocess(
  (raw) => (raw && typeof raw === "object" ? { ...(raw as object), coAuthors: coAuthorsFromForm(raw as Record<string, unknown>) } : raw),
  contributionFieldsSchema.extend({ id: idSchema, version: z.coerce.number().int().min(1) }),
);

export const SORTS = ["newest", "oldest", "title", "links"] as const;
export const myContributionsQuerySchema = z.object({
  q: z.string().trim().max(200).catch(""),
  kind: z.enum(ContributionKind).optional().catch(undefined),
  status: z.enum(ContributionStatus).optional().catch(undefined),
  project: idSchema.optional().catch(undefined),
  withdrawn: z.enum(["show", "hide"]).catch("hide"),
  sort: z.enum(SORTS).catch("newest"),
  page: pageSchema,
});
export type MyContributionsQuery = z.output<typeof myContributionsQuerySchema>;
