// Input for the admin's project tools.
import { z } from "zod";
import { ProjectKind } from "@/lib/generated/prisma/enums";
import { handleSchema, idSchema, pageSchema, requiredText, text } from "./common";

/** Slugs appear in URLs and in `--project <slug>` on the command line. */
export const projectSlugSchema = z
  .string({ error: "Slug is required" })
  .trim()
  .toLowerCase()
  .min(1, "Slug is required")
  // the database's projects_slug_format allows 2–63 characters; a trailing "-" is refused here too
  .regex(/^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/, "2–63 characters: lower-case letters, digits and -, not starting or ending with -");

export const projectFieldsSchema = z.object({
  slug: projectSlugSchema,
  name: requiredText(120, "Name"),
  kind: z.enum(ProjectKind, { error: "Choose a kind" }),
  description: text(2000).default(""),
});

export const createProjectSchema = projectFieldsSchema;
export const updateProjectSchema = projectFieldsSchema.extend({ id: idSchema });
export const projectIdSchema = z.object({ projectId: idSchema });

export const addMaintainerSchema = z.object({
  projectId: idSchema,
  handle: z.string().trim().transform((s) => s.replace(/^@/, "")).pipe(z.string().min(1, "Type a handle").pipe(handleSchema)),
  /** a contributor must be promoted to maintainer to maintain: the admin says so explicitly */
  promote: z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean()).default(false),
});

export const removeMaintainerSchema = z.object({ projectId: idSchema, userId: idSchema });

export const projectsQuerySchema = z.object({
  q: z.string().trim().max(200).catch(""),
  state: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["active", "archived", "all"]).default("active")).catch("active"),
  page: pageSchema.default(1),
});
export type ProjectsQuery = z.infer<typeof projectsQuerySchema>;
