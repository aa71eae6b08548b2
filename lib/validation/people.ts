// Input for the admin's people tools: the list's search parameters and each action's form.
import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { handleSchema, idSchema, pageSchema } from "./common";

export const PERSON_STATES = ["active", "deactivated", "merged", "imported"] as const;
export type PersonState = (typeof PERSON_STATES)[number];

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values).optional()).catch(undefined);

/** The people list's URL: bad values fall back to "no filter" rather than an error page. */
export const peopleQuerySchema = z.object({
  q: z.string().trim().max(200).catch(""),
  role: optionalEnum(["contributor", "maintainer", "admin"] as const),
  state: optionalEnum(PERSON_STATES),
  page: pageSchema.default(1),
});
export type PeopleQuery = z.infer<typeof peopleQuerySchema>;

const roleSchema = z.enum(Role, { error: "Choose contributor, maintainer or admin" });

export const changeRoleSchema = z.object({ userId: idSchema, role: roleSchema });

export const userIdSchema = z.object({ userId: idSchema });

export type PersonRef = { id: number } | { handle: string };

/**
 * One side of a merge or claim: a user id (from a button) or a handle the admin typed, with or
 * without its "@".
 */
export const personRefSchema = (label: string) =>
  z
    .union([z.string(), z.number()], { error: `Type the handle of ${label}` })
    .transform((v) => String(v).trim().replace(/^@/, ""))
    .pipe(z.string().min(1, `Type the handle of ${label}`))
    .transform((s, ctx): PersonRef => {
      if (/^\d+$/.test(s)) {
        // safeParse: an error thrown inside a transform is not an issue but escapes the whole parse.
        const id = idSchema.safeParse(s);
        if (id.success) return { id: id.data };
        ctx.addIssue({ code: "custom", message: `No one has the id ${s.slice(0, 40)}` });
        return z.NEVER;
      }
      const handle = handleSchema.safeParse(s);
      if (!handle.success) {
        ctx.addIssue({ code: "custom", message: `No one has the handle “${s.slice(0, 40)}”` });
        return z.NEVER;
      }
      return { handle: handle.data };
    });

/** Merge `source` (the duplicate, deactivated afterwards) into `target` (the identity that stays). */
export const mergeSchema = z.object({
  source: personRefSchema("the duplicate identity"),
  target: personRefSchema("the identity to keep"),
});

/** Claim: an imported, credential-less identity attached to a real account. */
export const claimSchema = z.object({
  imported: personRefSchema("the imported identity"),
  account: personRefSchema("the account that claims it"),
});

export const mergeIdSchema = z.object({ mergeId: idSchema });
