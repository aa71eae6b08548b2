import { apiRoute } from "@/lib/api/route";
import { getLinkEndpoint, removeLinkEndpoint } from "@/lib/api/endpoints/links";
import { getLink, removeLinkHandler } from "@/lib/api/handlers/links";

export const GET = apiRoute(getLinkEndpoint, getLink);
export const DELETE = apiRoute(removeLinkEndpoint, removeLinkHandler);
