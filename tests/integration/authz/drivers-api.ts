// How each route handler is called for one actor: a fresh target (world.ts), then one Request.
// For /api/v1 the caller is a bearer token; for app/api/admin the session (mocked), with the
// token columns sending the admin's tokens and no session.
import * as contributions from "../../../app/api/v1/contributions/route";
import * as contribution from "../../../app/api/v1/contributions/[id]/route";
import * as contributionBatch from "../../../app/api/v1/contributions/batch/route";
import * as links from "../../../app/api/v1/links/route";
import * as link from "../../../app/api/v1/links/[id]/route";
import * as confirm from "../../../app/api/v1/links/[id]/confirm/route";
import * as disputes from "../../../app/api/v1/links/[id]/disputes/route";
import * as resolution from "../../../app/api/v1/disputes/[id]/resolution/route";
import * as projects from "../../../app/api/v1/projects/route";
import * as project from "../../../app/api/v1/projects/[id]/route";
import * as campaigns from "../../../app/api/v1/campaigns/route";
import * as campaign from "../../../app/api/v1/campaigns/[id]/route";
import * as series from "../../../app/api/v1/metrics/series/route";
import * as cohorts from "../../../app/api/v1/metrics/cohorts/route";
import * as contributors from "../../../app/api/v1/metrics/contributors/route";
import * as classes from "../../../app/api/v1/metrics/classes/route";
import * as signals from "../../../app/api/v1/metrics/signals/route";
import * as openapi from "../../../app/api/v1/openapi.json/route";
import * as adminExports from "../../../app/api/admin/exports/route";
import * as adminImports from "../../../app/api/admin/imports/route";
import type { TokenScope } from "../../../lib/tokens/scopes";
import { makeContribution, makeProject } from "../factories";
import { alphaCampaign, contributorsDispute, contributorsLink, linkToContributor, workOf, type World } from "./world";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

export interface HttpCall {
  handler: Handler;
  path: string;
  params?: Record<string, string>;
  body?: unknown;
  /** a raw body instead of JSON (uploads) */
  raw?: string;
}

export interface RouteDriver {
  /** the scope the endpoint needs (the wrong-scope token lacks it) */
  scope?: TokenScope;
  prepare: (w: World) => Promise<HttpCall>;
}

let n = 0;
const id = (x: { id: number }) => ({ id: String(x.id) });

/** A read: one target serves every actor (nothing an allowed read does can change it). */
const read = (handler: Handler, path: string | ((w: World) => Promise<[string, Record<string, string>]>)): RouteDriver => {
  let target: Promise<[string, Record<string, string>]> | null = null;
  return {
    scope: "read",
    prepare: async (w) => {
      if (typeof path === "string") return { handler, path };
      const [p, params] = await (target ??= path(w));
      return { handler, path: p, params };
    },
  };
};
const metrics = (handler: Handler, query: string): RouteDriver => ({ scope: "metrics:read", prepare: async () => ({ handler, path: `/api/v1/metrics/${query}` }) });

export const ROUTE_DRIVERS: Record<string, RouteDriver> = {
  "GET /api/v1/contributions": read(contributions.GET, "/api/v1/contributions"),
  "POST /api/v1/contributions": {
    scope: "write",
    prepare: async (w) => ({ handler: contributions.POST, path: "/api/v1/contributions", body: { projectId: w.alpha.id, title: "Reef survey", kind: "data", occurredAt: "2026-03-01" } }),
  },
  "POST /api/v1/contributions/batch": {
    scope: "write",
    prepare: async (w) => ({
      handler: contributionBatch.POST, path: "/api/v1/contributions/batch",
      body: { items: [
        { ref: "survey", projectId: w.alpha.id, title: "Reef survey", kind: "data", occurredAt: "2026-03-01" },
        { projectId: w.alpha.id, title: "Reef model", kind: "code", occurredAt: "2026-03-02", links: [{ toRef: "survey", type: "builds_on" }] },
      ] },
    }),
  },
  // Withdrawn work: the one case where reading a contribution is not everyone's.
  "GET /api/v1/contributions/[id]": read(contribution.GET, async (w) => {
    const c = await makeContribution({ projectId: w.alpha.id, authorIds: [w.actors.contributor.id], deleted: true });
    return [`/api/v1/contributions/${c.id}`, id(c)];
  }),
  "PATCH /api/v1/contributions/[id]": {
    scope: "write",
    prepare: async (w) => {
      const c = await workOf(w, "contributor");
      return { handler: contribution.PATCH, path: `/api/v1/contributions/${c.id}`, params: id(c), body: { version: 1, title: "Retitled" } };
    },
  },
  "GET /api/v1/links": read(links.GET, "/api/v1/links"),
  "POST /api/v1/links": {
    scope: "write",
    prepare: async (w) => {
      const older = await workOf(w, "otherContributor");
      const mine = await workOf(w, "contributor");
      return { handler: links.POST, path: "/api/v1/links", body: { fromId: mine.id, toId: older.id, type: "builds_on" } };
    },
  },
  "GET /api/v1/links/[id]": read(link.GET, async (w) => {
    const l = await contributorsLink(w);
    return [`/api/v1/links/${l.id}`, id(l)];
  }),
  "DELETE /api/v1/links/[id]": {
    scope: "write",
    prepare: async (w) => {
      const l = await contributorsLink(w);
      return { handler: link.DELETE, path: `/api/v1/links/${l.id}`, params: id(l) };
    },
  },
  "POST /api/v1/links/[id]/confirm": {
    scope: "write",
    prepare: async (w) => {
      const l = await linkToContributor(w);
      return { handler: confirm.POST, path: `/api/v1/links/${l.id}/confirm`, params: id(l) };
    },
  },
  "POST /api/v1/links/[id]/disputes": {
    scope: "write",
    prepare: async (w) => {
      const l = await linkToContributor(w);
      return { handler: disputes.POST, path: `/api/v1/links/${l.id}/disputes`, params: id(l), body: { reason: "These labels were not used." } };
    },
  },
  "POST /api/v1/disputes/[id]/resolution": {
    scope: "write",
    prepare: async (w) => {
      const d = await contributorsDispute(w);
      return { handler: resolution.POST, path: `/api/v1/disputes/${d.id}/resolution`, params: id(d), body: { outcome: "reject", note: "The notebook shows it was used." } };
    },
  },
  "GET /api/v1/projects": read(projects.GET, "/api/v1/projects"),
  "POST /api/v1/projects": {
    scope: "write",
    prepare: async () => ({ handler: projects.POST, path: "/api/v1/projects", body: { slug: `authz-new-${++n}`, name: "New project", kind: "datanet" } }),
  },
  "GET /api/v1/projects/[id]": read(project.GET, async (w) => [`/api/v1/projects/${w.alpha.id}`, id(w.alpha)]),
  "PATCH /api/v1/projects/[id]": {
    scope: "write",
    prepare: async () => {
      const p = await makeProject();
      return { handler: project.PATCH, path: `/api/v1/projects/${p.id}`, params: id(p), body: { name: "Renamed" } };
    },
  },
  "GET /api/v1/campaigns": read(campaigns.GET, "/api/v1/campaigns"),
  "POST /api/v1/campaigns": {
    scope: "write",
    prepare: async (w) => ({ handler: campaigns.POST, path: "/api/v1/campaigns", body: { name: "Alpha hackathon", kind: "hackathon", projectId: w.alpha.id, startAt: "2026-05-01T00:00:00Z", endAt: "2026-06-01T00:00:00Z" } }),
  },
  "GET /api/v1/campaigns/[id]": read(campaign.GET, async (w) => {
    const c = await alphaCampaign(w);
    return [`/api/v1/campaigns/${c.id}`, id(c)];
  }),
  "PATCH /api/v1/campaigns/[id]": {
    scope: "write",
    prepare: async (w) => {
      const c = await alphaCampaign(w);
      return { handler: campaign.PATCH, path: `/api/v1/campaigns/${c.id}`, params: id(c), body: { name: "Alpha bounty, extended" } };
    },
  },
  "GET /api/v1/metrics/series": metrics(series.GET, "series?project=alpha&metric=retention.conversion"),
  "GET /api/v1/metrics/cohorts": metrics(cohorts.GET, "cohorts?project=alpha"),
  "GET /api/v1/metrics/contributors": metrics(contributors.GET, "contributors?project=alpha"),
  "GET /api/v1/metrics/classes": metrics(classes.GET, "classes?project=alpha"),
  "GET /api/v1/metrics/signals": metrics(signals.GET, "signals?project=alpha"),
  "GET /api/v1/openapi.json": { prepare: async () => ({ handler: openapi.GET, path: "/api/v1/openapi.json" }) },
  "GET /api/admin/exports": { prepare: async () => ({ handler: adminExports.GET, path: "/api/admin/exports?dataset=lifecycle&format=csv&project=alpha" }) },
  "POST /api/admin/imports": { prepare: async () => ({ handler: adminImports.POST, path: "/api/admin/imports?kind=contributions&format=csv&source=upload&filename=empty.csv", raw: "" }) },
};

/** Sends one request as Next would and returns its status (the body is read so streams finish). */
export async function send(method: string, c: HttpCall, token: string | null): Promise<number> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let body: string | undefined;
  if (c.raw !== undefined) body = c.raw;
  else if (c.body !== undefined) {
    body = JSON.stringify(c.body);
    headers["content-type"] = "application/json";
  }
  const req = new Request(`http://localhost${c.path}`, { method, headers, body });
  const res = await c.handler(req, { params: Promise.resolve(c.params ?? {}) });
  await res.text();
  return res.status;
}
