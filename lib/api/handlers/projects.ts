// Project endpoints over lib/projects/mutations (admins only, decided there).
import { archiveProject, createProject, unarchiveProject, updateProject } from "@/lib/projects/mutations";
import { canManageProjects } from "@/lib/permissions";
import { ApiError } from "../errors";
import { decodeCursorOrThrow, toPage } from "../cursor";
import type { EndpointHandler } from "../endpoint";
import type { createProjectEndpoint, getProjectEndpoint, listProjectsEndpoint, updateProjectEndpoint } from "../endpoints/projects";
import { getProjectView, listProjectRows, toProjectView } from "../queries/projects";
import type { ProjectView } from "../schemas/projects";

async function viewOrThrow(id: number): Promise<ProjectView> {
  const view = await getProjectView(id);
  if (!view) throw new ApiError("not_found", "This project does not exist.");
  return view;
}

export const listProjects: EndpointHandler<typeof listProjectsEndpoint> = async ({ query }) => {
  const rows = await listProjectRows(query, decodeCursorOrThrow(query.cursor));
  return toPage(rows, query.limit, toProjectView);
};

export const getProject: EndpointHandler<typeof getProjectEndpoint> = async ({ params }) => viewOrThrow(params.id);

export const createProjectHandler: EndpointHandler<typeof createProjectEndpoint> = async ({ actor, body }) => {
  const { id } = await createProject(actor, { ...body, description: body.description ?? "" });
  return viewOrThrow(id);
};

/**
 * Fields and archiving are separate operations in lib/projects (two audit events): the fields are
 * written first, then the archive state, each only when the request changes it. Both are refused
 * for the same reasons (admins only, the project must exist), so the second cannot fail where the
 * first succeeded except on a concurrent archive, which then answers 409.
 */
export const updateProjectHandler: EndpointHandler<typeof updateProjectEndpoint> = async ({ actor, params, body }) => {
  // Checked here too so that a PATCH changing nothing is refused like one changing something.
  if (!canManageProjects(actor)) throw new ApiError("forbidden", "Only admins can manage projects.");
  const current = await viewOrThrow(params.id);
  const { archived, ...fields } = body;
  const changesFields = Object.entries(fields).some(([k, v]) => v !== undefined && v !== current[k as keyof typeof fields]);
  if (changesFields) {
    await updateProject(actor, { id: params.id, slug: current.slug, name: fields.name ?? current.name, kind: fields.kind ?? current.kind, description: fields.description ?? current.description });
  }
  if (archived !== undefined && archived !== (current.archivedAt !== null)) {
    await (archived ? archiveProject : unarchiveProject)(actor, { projectId: params.id });
  }
  return viewOrThrow(params.id);
};
