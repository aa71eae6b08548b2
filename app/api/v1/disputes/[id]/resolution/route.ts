import { apiRoute } from "@/lib/api/route";
import { resolveDisputeEndpoint } from "@/lib/api/endpoints/disputes";
import { resolveDisputeHandler } from "@/lib/api/handlers/disputes";

export const POST = apiRoute(resolveDisputeEndpoint, resolveDisputeHandler);
