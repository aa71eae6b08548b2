import { z } from "zod";
import { ProjectKind } from "@/lib/generated/prisma/enums";
import { projectSlugSchema } from "@/lib/validation/projects";
import { apiId, booleanQuery, instant, pageOf, pageQuery } from "./common";


export const projectSchema = z.strictObject({
  id: apiId,
  slug: z.string(),
  name: z.string(),
  kind: z.enum(ProjectKind),
  description: z.string(),
  createdAt: instant,
  archivedAt: instant.nullable(),
  maintainers: z.array(z.strictObject({ userId: apiId, handle: z.string() })),
});
export type ProjectView = z.output<typeof projectSchema>;

export const createProjectBodySchema = z.strictObject({
  slug: projectSlugSchema,
  name: z.string().trim().min(1).max(120),
  kind: z.enum(ProjectKind),
  description: z.string().max(2000).optional(),
});

export const updateProjectBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  kind: z.enum(ProjectKind).optional(),
  description: z.string().max(2000).optional(),
  archived: z.boolean().optional().describe("archived projects accept no new contributions"),
});

export const listProjectsQuerySchema = z.strictObject({
  ...pageQuery,
  kind: z.enum(ProjectKind).optional(),
  archived: booleanQuery.optional().describe("true: archived only; false: open only; omitted: both"),
});

export const projectPageSchema = pageOf(projectSchema);
