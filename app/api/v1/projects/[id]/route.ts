import { apiRoute } from "@/lib/api/route";
import { getProjectEndpoint, updateProjectEndpoint } from "@/lib/api/endpoints/projects";
import { getProject, updateProjectHandler } from "@/lib/api/handlers/projects";

export const GET = apiRoute(getProjectEndpoint, getProject);
export const PATCH = apiRoute(updateProjectEndpoint, updateProjectHandler);
