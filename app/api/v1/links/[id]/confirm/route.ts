import { apiRoute } from "@/lib/api/route";
import { confirmLinkEndpoint } from "@/lib/api/endpoints/links";
import { confirmLinkHandler } from "@/lib/api/handlers/links";

export const POST = apiRoute(confirmLinkEndpoint, confirmLinkHandler);
