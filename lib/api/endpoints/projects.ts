import { defineEndpoint } from "../endpoint";
import { idParamsSchema } from "../schemas/common";
import { createProjectBodySchema, listProjectsQuerySchema, projectPageSchema, projectSchema, updateProjectBodySchema } from "../schemas/projects";

const tag = "Projects";

export const listProjectsEndpoint = defineEndpoint({
  operationId: "listProjects", method: "GET", path: "/projects", tag, scope: "read", status: 200,
  summary: "List projects", query: listProjectsQuerySchema, response: projectPageSchema,
});

export const createProjectEndpoint = defineEndpoint({
  operationId: "createProject", method: "POST", path: "/projects", tag, scope: "write", status: 201, idempotent: true,
  summary: "Create a project", description: "Admins only.", body: createProjectBodySchema, response: projectSchema,
});

export const getProjectEndpoint = defineEndpoint({
  operationId: "getProject", method: "GET", path: "/projects/{id}", tag, scope: "read", status: 200,
  summary: "Read a project", params: idParamsSchema, response: projectSchema,
});

export const updateProjectEndpoint = defineEndpoint({
  operationId: "updateProject", method: "PATCH", path: "/projects/{id}", tag, scope: "write", status: 200,
  summary: "Edit or archive a project", description: "Admins only. The slug never changes.",
  params: idParamsSchema, body: updateProjectBodySchema, response: projectSchema,
});
