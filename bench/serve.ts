// npm run bench:serve: dashboard pages and API reads on the production build at bench size.
// `next start` (build in .next-bench) against the bench-size cluster in .data/serve-postgres (made on
// first use, see serve-database.ts); 20 autocannon clients per page or endpoint, each for a few
// seconds, signed in through Auth.js (pages) or with a bearer token (API). Goal: p95 < 300 ms,
// 0 errors. Then the stored-result reads against computing them in process (serve-stored.ts).
import { DEMO_PASSWORD } from "@/lib/demo/seed";
import { type LoadFigures, ms, runLoad } from "./load";
import { createBenchToken, ensureBuild, signIn, startApp } from "./serve-app";
import { queryOne, startServeDatabase } from "./serve-database";
import { benchStoredReads, reportStoredReads, type StoredReadFigure } from "./serve-stored";
import { printTable, section } from "./report";

export const P95_GOAL_MS = 300;

interface Target {
  group: "page" | "API read";
  label: string;
  path: string;
  /** cookie of the signed-in person, or a bearer token */
  as: "admin" | "maintainer" | "contributor" | "token";
}

export interface ServeFigures {
  rows: (Target & LoadFigures)[];
  stored: StoredReadFigure[];
  connections: number;
  seconds: number;
}

const DASHBOARDS = ["", "/attribution", "/coherence", "/graph", "/hubs", "/lifecycle", "/participation", "/recognition", "/retention", "/stress"];
const RANGE = "from=2025-06-01&to=2026-06-01";

async function targetsFor(databaseUrl: string): Promise<Target[]> {
  // The maintainer demo account's first project, a busy contributor and a contribution in the middle.
  const project = await queryOne<{ slug: string }>(databaseUrl,
    "SELECT p.slug FROM project_maintainers pm JOIN projects p ON p.id = pm.project_id WHERE pm.user_id = 2 ORDER BY p.id LIMIT 1");
  const busy = await queryOne<{ handle: string }>(databaseUrl,
    "SELECT u.handle FROM metric_contributor_summaries s JOIN users u ON u.id = s.user_id WHERE s.run_id = (SELECT max(id) FROM metric_runs WHERE status = 'succeeded') AND s.scope = 'all' ORDER BY s.attribution DESC LIMIT 1");
  const mid = await queryOne<{ id: number }>(databaseUrl, "SELECT id FROM contributions ORDER BY id OFFSET (SELECT count(*) / 2 FROM contributions) LIMIT 1");
  const p = project.slug;
  return [
    ...DASHBOARDS.map((d): Target => ({ group: "page", label: `/dashboards${d} (ecosystem, admin)`, path: `/dashboards${d}`, as: "admin" })),
    ...DASHBOARDS.slice(1).map((d): Target => ({ group: "page", label: `/dashboards${d}?project=${p}&unit=month&segment=campaign&${RANGE} (maintainer)`, path: `/dashboards${d}?project=${p}&unit=month&segment=campaign&${RANGE}`, as: "maintainer" })),
    { group: "page", label: "/people/demo-contributor (their own attribution page)", path: "/people/demo-contributor", as: "contributor" },
    { group: "page", label: `/people/${busy.handle} (top contributor, admin)`, path: `/people/${busy.handle}`, as: "admin" },
    { group: "API read", label: "metrics/series (retention.conversion, lifecycle.active)", path: "/api/v1/metrics/series?metric=retention.conversion,lifecycle.active", as: "token" },
    { group: "API read", label: `metrics/series (project, month, ${RANGE})`, path: `/api/v1/metrics/series?project=${p}&unit=month&${RANGE}&metric=participation.active,attribution.flow_total`, as: "token" },
    { group: "API read", label: "metrics/cohorts", path: "/api/v1/metrics/cohorts", as: "token" },
    { group: "API read", label: "metrics/cohorts (project, month, campaign, unbounded)", path: `/api/v1/metrics/cohorts?project=${p}&unit=month&segment=campaign&variant=unbounded`, as: "token" },
    { group: "API read", label: "metrics/contributors?orderBy=betweenness", path: "/api/v1/metrics/contributors?orderBy=betweenness", as: "token" },
    { group: "API read", label: "metrics/classes", path: "/api/v1/metrics/classes", as: "token" },
    { group: "API read", label: "metrics/signals", path: "/api/v1/metrics/signals", as: "token" },
    { group: "API read", label: "contributions?limit=50", path: "/api/v1/contributions?limit=50", as: "token" },
    { group: "API read", label: `contributions (project, kind, ${RANGE})`, path: `/api/v1/contributions?projectId=1&kind=review&from=2025-06-01T00:00:00Z&to=2026-06-01T00:00:00Z&limit=50`, as: "token" },
    { group: "API read", label: `contributions?author=${busy.handle}`, path: `/api/v1/contributions?author=${busy.handle}&limit=50`, as: "token" },
    { group: "API read", label: "contributions/{id}", path: `/api/v1/contributions/${mid.id}`, as: "token" },
    { group: "API read", label: "links?limit=50", path: "/api/v1/links?limit=50", as: "token" },
  ];
}

export async function benchServe(opts: { seconds: number; connections: number; rebuild?: boolean; skipStored?: boolean }): Promise<ServeFigures> {
  ensureBuild(opts.rebuild);
  const db = await startServeDatabase();
  try {
    const stored = opts.skipStored ? [] : await benchStoredReads(db.url);
    // The per-token rate limit (120 a minute by default) would turn the load into 429s.
    const app = await startApp(db.url, { API_RATE_LIMIT_BURST: "100000", API_RATE_LIMIT_PER_MINUTE: "100000" });
    try {
      const auth: Record<Target["as"], Record<string, string>> = {
        admin: { cookie: await signIn(app.baseUrl, "admin@understory.demo", DEMO_PASSWORD) },
        maintainer: { cookie: await signIn(app.baseUrl, "maintainer@understory.demo", DEMO_PASSWORD) },
        contributor: { cookie: await signIn(app.baseUrl, "contributor@understory.demo", DEMO_PASSWORD) },
        token: { authorization: `Bearer ${await createBenchToken(db.url, 1, ["read", "metrics:read"])}` },
      };
      const rows: ServeFigures["rows"] = [];
      for (const t of await targetsFor(db.url)) {
        // One request first: a page that does not answer 200 is a broken bench, not a slow page.
        const first = await fetch(app.baseUrl + t.path, { headers: auth[t.as], redirect: "manual" });
        await first.arrayBuffer();
        if (first.status !== 200) throw new Error(`${t.path} answered ${first.status}, not 200\n${app.logs.slice(-20).join("")}`);
        const f = await runLoad({ url: app.baseUrl + t.path, headers: auth[t.as], connections: opts.connections, seconds: opts.seconds });
        console.log(`  ${t.label}: p95 ${ms(f.p95)} ms, ${f.perSecond.toFixed(0)} req/s, ${f.errors} errors`);
        rows.push({ ...t, ...f });
      }
      return { rows, stored, connections: opts.connections, seconds: opts.seconds };
    } finally {
      await app.stop();
    }
  } finally {
    await db.server.stop();
  }
}

export function reportServe(f: ServeFigures): void {
  section(`Dashboard pages and API reads (next start, ${f.connections} autocannon clients, ${f.seconds} s each; goal p95 < ${P95_GOAL_MS} ms, 0 errors)`);
  printTable(["", "page or endpoint", "p50 ms", "p95 ms", "p99 ms", "requests/s", "requests", "errors", "met"],
    f.rows.map((r) => r.requests === 0
      ? [r.group, r.label, `none within ${f.seconds} s`, "–", "–", "0", 0, r.errors, "**no**"]
      : [r.group, r.label, ms(r.p50), ms(r.p95), ms(r.p99), r.perSecond.toFixed(0), r.requests, r.errors, r.p95 < P95_GOAL_MS && r.errors === 0 ? "yes" : "**no**"]));
  const met = f.rows.filter((r) => r.requests > 0 && r.p95 < P95_GOAL_MS && r.errors === 0).length;
  const answered = f.rows.filter((r) => r.requests > 0);
  console.log(`\n${met} of ${f.rows.length} met; slowest p95 ${ms(Math.max(...answered.map((r) => r.p95)))} ms` +
    `${answered.length < f.rows.length ? `; ${f.rows.length - answered.length} answered no request within the window` : ""}.`);
  if (f.stored.length) reportStoredReads(f.stored);
}
