// POST /contributions/batch: rate-limited per item (the request itself took one already), then
// written by lib/contributions/batch.ts and answered from the rows its transaction wrote.
import { createContributionBatch } from "@/lib/contributions/batch";
import { ApiError } from "../errors";
import type { EndpointHandler } from "../endpoint";
import type { createContributionBatchEndpoint } from "../endpoints/contributions";
import { createdContributionView } from "../queries/contributions";
import { createdLinkView } from "../queries/links";
import { apiRateLimiter } from "../rate-limit";

export const createContributionBatchHandler: EndpointHandler<typeof createContributionBatchEndpoint> = async ({ actor, tokenId, body }) => {
  const limiter = apiRateLimiter();
  const extra = body.items.length - 1;
  if (extra + 1 > limiter.burstSize) {
    throw new ApiError("invalid_input", `A batch counts one request per item: at most ${limiter.burstSize} items fit this server's rate limit.`, { fields: { items: `At most ${limiter.burstSize} items` } });
  }
  if (extra > 0) {
    const limit = limiter.take(tokenId, extra);
    if (!limit.ok) {
      throw new ApiError("rate_limited", `Too many requests with this token: a batch of ${body.items.length} items counts ${body.items.length}; retry in ${limit.retryAfterSeconds} s.`, { headers: { "retry-after": String(limit.retryAfterSeconds) } });
    }
  }
  const written = await createContributionBatch(actor, body.items);
  return { items: written.map((w) => ({ ref: w.ref, contribution: createdContributionView(w.contribution), links: w.links.map(createdLinkView) })) };
};
