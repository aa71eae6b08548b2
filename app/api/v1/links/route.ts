import { apiRoute } from "@/lib/api/route";
import { createLinkEndpoint, listLinksEndpoint } from "@/lib/api/endpoints/links";
import { createLinkHandler, listLinks } from "@/lib/api/handlers/links";

export const GET = apiRoute(listLinksEndpoint, listLinks);
export const POST = apiRoute(createLinkEndpoint, createLinkHandler);
