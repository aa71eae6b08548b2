import { apiRoute } from "@/lib/api/route";
import { disputeLinkEndpoint } from "@/lib/api/endpoints/links";
import { disputeLinkHandler } from "@/lib/api/handlers/links";

export const POST = apiRoute(disputeLinkEndpoint, disputeLinkHandler);
