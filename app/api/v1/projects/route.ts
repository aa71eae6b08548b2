import { apiRoute } from "@/lib/api/route";
import { createProjectEndpoint, listProjectsEndpoint } from "@/lib/api/endpoints/projects";
import { createProjectHandler, listProjects } from "@/lib/api/handlers/projects";

export const GET = apiRoute(listProjectsEndpoint, listProjects);
export const POST = apiRoute(createProjectEndpoint, createProjectHandler);
