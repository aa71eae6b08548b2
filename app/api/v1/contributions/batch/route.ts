import { apiRoute } from "@/lib/api/route";
import { createContributionBatchEndpoint } from "@/lib/api/endpoints/contributions";
import { createContributionBatchHandler } from "@/lib/api/handlers/contribution-batch";

export const POST = apiRoute(createContributionBatchEndpoint, createContributionBatchHandler);
