// /api/v1/projects and /api/v1/campaigns through the route handlers, writing through
// lib/projects and lib/campaigns: admins manage projects; campaigns are for admins anywhere and
// maintainers on their own projects. Every refusal writes nothing.
import { describe, test, expect, beforeAll } from "vitest";
import { prisma } from "../../lib/db";
import { GET as listProjectsGET, POST as createProjectPOST } from "../../app/api/v1/projects/route";
import { GET as getProjectGET, PATCH as updateProjectPATCH } from "../../app/api/v1/projects/[id]/route";
import { GET as listCampaignsGET, POST as createCampaignPOST } from "../../app/api/v1/campaigns/route";
import { GET as getCampaignGET, PATCH as updateCampaignPATCH } from "../../app/api/v1/campaigns/[id]/route";
import { projectPageSchema, projectSchema } from "../../lib/api/schemas/projects";
import { campaignPageSchema, campaignSchema } from "../../lib/api/schemas/campaigns";
import { makeProject, makeUser } from "./factories";
import { apiRowCounts, call, expectError, parsed, revokedTokenFor, tokenFor } from "./api-helpers";

let maint: { id: number };
let adminToken: string, adminReadOnly: string, maintToken: string, otherMaintToken: string, contributorToken: string, revokedAdmin: string;
let projectId: number, otherProjectId: number;

beforeAll(async () => {
  const admin = await makeUser({ handle: "ada", role: "admin" });
  maint = await makeUser({ handle: "mona", role: "maintainer" });
  const otherMaint = await makeUser({ handle: "otto", role: "maintainer" });
  const contributor = await makeUser({ handle: "cleo" });
  projectId = (await makeProject({ slug: "ocean", maintainerIds: [maint.id] })).id;
  otherProjectId = (await makeProject({ slug: "reef", maintainerIds: [otherMaint.id] })).id;
  [adminToken, adminReadOnly, maintToken, otherMaintToken, contributorToken, revokedAdmin] = await Promise.all([
    tokenFor(admin), tokenFor(admin, ["read"]), tokenFor(maint), tokenFor(otherMaint), tokenFor(contributor), revokedTokenFor(admin),
  ]);
});

const idParam = (id: number) => ({ params: { id: String(id) } });

describe("projects", () => {
  test("an admin creates a project, edits it and archives it, each audited; everyone reads it", async () => {
    const created = parsed(projectSchema, await call(createProjectPOST, { method: "POST", path: "/projects", token: adminToken, body: { slug: "kelp-watch", name: "Kelp Watch", kind: "datanet" } }), 201);
    const row = await prisma.project.findUniqueOrThrow({ where: { id: created.id } });
    expect(created).toEqual({ id: row.id, slug: "kelp-watch", name: "Kelp Watch", kind: "datanet", description: "", createdAt: row.createdAt.toISOString(), archivedAt: null, maintainers: [] });
    const archived = parsed(projectSchema, await call(updateProjectPATCH, { method: "PATCH", path: `/projects/${created.id}`, token: adminToken, ...idParam(created.id), body: { description: "Kelp forest surveys", archived: true } }));
    const after = await prisma.project.findUniqueOrThrow({ where: { id: created.id } });
    expect(archived).toEqual({ ...created, description: "Kelp forest surveys", archivedAt: after.archivedAt!.toISOString() });
    expect(await prisma.auditEvent.findMany({ where: { entityType: "project", entityId: String(created.id) }, orderBy: { id: "asc" }, select: { action: true } }))
      .toEqual([{ action: "project.create" }, { action: "project.update" }, { action: "project.archive" }]);
    expect(parsed(projectSchema, await call(getProjectGET, { path: `/projects/${created.id}`, token: contributorToken, ...idParam(created.id) }))).toEqual(archived);
    const open = parsed(projectPageSchema, await call(listProjectsGET, { path: "/projects?archived=false", token: contributorToken }));
    expect(open.data.map((p) => p.slug)).toEqual(["ocean", "reef"]);
    expect(open.data[0].maintainers).toEqual([{ userId: maint.id, handle: "mona" }]);
    const pageOne = parsed(projectPageSchema, await call(listProjectsGET, { path: "/projects?limit=2", token: contributorToken }));
    const pageTwo = parsed(projectPageSchema, await call(listProjectsGET, { path: `/projects?limit=2&cursor=${pageOne.nextCursor}`, token: contributorToken }));
    expect([...pageOne.data, ...pageTwo.data].map((p) => p.slug)).toEqual(["ocean", "reef", "kelp-watch"]);
    expect(pageTwo.nextCursor).toBeNull();
  });

  test("refuses contributors, maintainers, read-only and revoked tokens, and a taken slug, writing nothing", async () => {
    const before = { counts: await apiRowCounts(), project: await prisma.project.findUniqueOrThrow({ where: { id: projectId } }) };
    const body = { slug: "new-one", name: "New", kind: "code" };
    expectError(await call(createProjectPOST, { method: "POST", path: "/projects", token: contributorToken, body }), 403, "forbidden", "Only admins can manage projects.");
    expectError(await call(createProjectPOST, { method: "POST", path: "/projects", token: maintToken, body }), 403, "forbidden");
    expectError(await call(createProjectPOST, { method: "POST", path: "/projects", token: adminReadOnly, body }), 403, "insufficient_scope");
    expectError(await call(createProjectPOST, { method: "POST", path: "/projects", token: revokedAdmin, body }), 401, "invalid_token");
    expectError(await call(createProjectPOST, { method: "POST", path: "/projects", body }), 401, "unauthenticated");
    expect(expectError(await call(createProjectPOST, { method: "POST", path: "/projects", token: adminToken, body: { ...body, slug: "ocean" } }), 400, "invalid_input").fields).toEqual({ slug: `“ocean” is already the slug of ${before.project.name}` });
    for (const token of [maintToken, contributorToken]) {
      expectError(await call(updateProjectPATCH, { method: "PATCH", path: `/projects/${projectId}`, token, ...idParam(projectId), body: { archived: true } }), 403, "forbidden");
      expectError(await call(updateProjectPATCH, { method: "PATCH", path: `/projects/${projectId}`, token, ...idParam(projectId), body: {} }), 403, "forbidden");
    }
    expectError(await call(updateProjectPATCH, { method: "PATCH", path: "/projects/999999", token: adminToken, ...idParam(999999), body: { name: "X" } }), 404, "not_found");
    expect({ counts: await apiRowCounts(), project: await prisma.project.findUniqueOrThrow({ where: { id: projectId } }) }).toEqual(before);
  });
});

describe("campaigns", () => {
  const window = { startAt: "2026-05-01T00:00:00Z", endAt: "2026-06-01T00:00:00Z" };

  test("a maintainer creates and edits a campaign on their project; an admin an ecosystem-wide one; each audited with a recompute queued", async () => {
    await prisma.job.deleteMany();
    const created = parsed(campaignSchema, await call(createCampaignPOST, { method: "POST", path: "/campaigns", token: maintToken, body: { name: "Ocean bounty", kind: "bounty", projectId, ...window } }), 201);
    const row = await prisma.campaign.findUniqueOrThrow({ where: { id: created.id } });
    expect(created).toEqual({ id: row.id, name: "Ocean bounty", kind: "bounty", projectId, startAt: "2026-05-01T00:00:00.000Z", endAt: "2026-06-01T00:00:00.000Z", createdAt: row.createdAt.toISOString() });
    expect(await prisma.job.count({ where: { kind: "metrics.recompute", status: "queued" } })).toBe(1);
    const edited = parsed(campaignSchema, await call(updateCampaignPATCH, { method: "PATCH", path: `/campaigns/${created.id}`, token: maintToken, ...idParam(created.id), body: { endAt: "2026-06-15T00:00:00Z" } }));
    expect(edited).toEqual({ ...created, endAt: "2026-06-15T00:00:00.000Z" });
    const eco = parsed(campaignSchema, await call(createCampaignPOST, { method: "POST", path: "/campaigns", token: adminToken, body: { name: "Ecosystem airdrop", kind: "airdrop", projectId: null, ...window } }), 201);
    expect(eco.projectId).toBeNull();
    expect(await prisma.auditEvent.findMany({ where: { entityType: "campaign" }, orderBy: { id: "asc" }, select: { action: true, entityId: true } }))
      .toEqual([{ action: "campaign.create", entityId: String(created.id) }, { action: "campaign.update", entityId: String(created.id) }, { action: "campaign.create", entityId: String(eco.id) }]);
    expect(parsed(campaignPageSchema, await call(listCampaignsGET, { path: "/campaigns?projectId=ecosystem", token: contributorToken })).data.map((c) => c.id)).toEqual([eco.id]);
    expect(parsed(campaignPageSchema, await call(listCampaignsGET, { path: `/campaigns?projectId=${projectId}&activeFrom=2026-06-10T00:00:00Z`, token: contributorToken })).data.map((c) => c.id)).toEqual([created.id]);
    expect(parsed(campaignPageSchema, await call(listCampaignsGET, { path: "/campaigns?activeTo=2026-05-01T00:00:00Z", token: contributorToken })).data).toEqual([]);
    expect(parsed(campaignSchema, await call(getCampaignGET, { path: `/campaigns/${eco.id}`, token: contributorToken, ...idParam(eco.id) }))).toEqual(eco);
  });

  test("refuses contributors, another project's maintainer, ecosystem campaigns by maintainers and a backward window, writing nothing", async () => {
    const mine = parsed(campaignSchema, await call(createCampaignPOST, { method: "POST", path: "/campaigns", token: maintToken, body: { name: "Ocean hackathon", kind: "hackathon", projectId, ...window } }), 201);
    const before = { counts: await apiRowCounts(), campaign: await prisma.campaign.findUniqueOrThrow({ where: { id: mine.id } }) };
    const create = (token: string, body: Record<string, unknown>) => call(createCampaignPOST, { method: "POST", path: "/campaigns", token, body: { name: "Points", kind: "points", ...window, ...body } });
    expectError(await create(contributorToken, { projectId }), 403, "forbidden");
    expectError(await create(otherMaintToken, { projectId }), 403, "forbidden", "Only this project's maintainers and admins manage its campaigns.");
    expectError(await create(maintToken, { projectId: null }), 403, "forbidden", "Only admins manage ecosystem-wide campaigns.");
    expect(expectError(await create(maintToken, { projectId, endAt: "2026-04-01T00:00:00Z" }), 400, "invalid_input").fields).toEqual({ endAt: "The end must be after the start" });
    expectError(await create(maintToken, { projectId, projectIdTypo: 1 }), 400, "invalid_input");
    expectError(await call(updateCampaignPATCH, { method: "PATCH", path: `/campaigns/${mine.id}`, token: otherMaintToken, ...idParam(mine.id), body: { name: "Taken over" } }), 404, "not_found");
    expectError(await call(updateCampaignPATCH, { method: "PATCH", path: `/campaigns/${mine.id}`, token: maintToken, ...idParam(mine.id), body: { projectId: otherProjectId } }), 403, "forbidden");
    expectError(await call(updateCampaignPATCH, { method: "PATCH", path: `/campaigns/${mine.id}`, token: contributorToken, ...idParam(mine.id), body: { name: "Mine" } }), 403, "forbidden");
    expectError(await call(updateCampaignPATCH, { method: "PATCH", path: `/campaigns/${mine.id}`, token: revokedAdmin, ...idParam(mine.id), body: { name: "Mine" } }), 401, "invalid_token");
    expect({ counts: await apiRowCounts(), campaign: await prisma.campaign.findUniqueOrThrow({ where: { id: mine.id } }) }).toEqual(before);
  });
});
