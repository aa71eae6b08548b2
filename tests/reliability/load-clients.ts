// What the load and fault tests share: people with API tokens, an HTTP call that never throws
// (a network failure or a client timeout is status 0), a create that retries with its
// Idempotency-Key until it gets a definite answer, and small statistics.
import { randomUUID } from "node:crypto";
import { prisma } from "../../lib/db";
import { createToken } from "../../lib/tokens/mutations";
import { actorOf } from "../integration/factories";

export interface Person {
  id: number;
  handle: string;
  token: string;
}

export interface Reply {
  status: number;
  body: { id?: number; version?: number; error?: { code: string; message: string } } & Record<string, unknown>;
  replayed: boolean;
  ms: number;
}

export async function makePeople(count: number, prefix: string): Promise<{ projectId: number; people: Person[] }> {
  const project = await prisma.project.create({ data: { slug: `${prefix}-project`, name: `${prefix} project`, kind: "datanet" } });
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    const handle = `${prefix}${i}`;
    const user = await prisma.user.create({ data: { email: `${handle}@example.test`, handle, name: `Client ${i}`, role: "contributor" } });
    const { token } = await createToken(await actorOf(user), { name: "load", scopes: ["read", "write"] });
    people.push({ id: user.id, handle, token });
  }
  return { projectId: project.id, people };
}

export async function call(baseUrl: string, token: string, method: string, path: string, opts: { body?: unknown; key?: string; timeoutMs?: number } = {}): Promise<Reply> {
  const started = performance.now();
  try {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(opts.body === undefined ? {} : { "content-type": "application/json" }),
        ...(opts.key ? { "idempotency-key": opts.key } : {}),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    let body: Reply["body"] = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { error: { code: "not_json", message: text.slice(0, 200) } };
    }
    return { status: res.status, body, replayed: res.headers.get("idempotent-replayed") === "true", ms: performance.now() - started };
  } catch (e) {
    return { status: 0, body: { error: { code: "network", message: (e as Error).message } }, replayed: false, ms: performance.now() - started };
  }
}

export interface CreateOutcome {
  key: string;
  /** the definite answer (2xx or 4xx), or the last one when retries ran out */
  final: Reply;
  /** every reply, first to last */
  replies: Reply[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * POSTs with an Idempotency-Key and retries with the same key while the answer is not definite:
 * no answer (a client timeout, a dropped connection), 503 (the database is away) or 409
 * idempotency_in_progress (the first attempt is still running, or its result is not stored yet).
 * `firstTimeoutMs` makes the first attempt give up early, as an impatient client would.
 */
export async function createWithRetries(baseUrl: string, token: string, path: string, body: unknown, opts: { firstTimeoutMs?: number; retryForMs?: number } = {}): Promise<CreateOutcome> {
  const key = randomUUID();
  const replies: Reply[] = [];
  const deadline = Date.now() + (opts.retryForMs ?? 60_000);
  for (let attempt = 0; ; attempt++) {
    const reply = await call(baseUrl, token, "POST", path, { body, key, timeoutMs: attempt === 0 ? opts.firstTimeoutMs : undefined });
    replies.push(reply);
    const retryable = reply.status === 0 || reply.status === 503 || (reply.status === 409 && reply.body.error?.code === "idempotency_in_progress");
    if (!retryable || Date.now() > deadline) return { key, final: reply, replies };
    await sleep(reply.status === 503 ? 250 : 50);
  }
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Nodes left over by Kahn's algorithm: 0 when the links form a DAG. */
export function nodesOnCycles(edges: { fromId: number; toId: number }[]): number {
  const out = new Map<number, number[]>();
  const indegree = new Map<number, number>();
  for (const { fromId, toId } of edges) {
    out.set(fromId, [...(out.get(fromId) ?? []), toId]);
    indegree.set(toId, (indegree.get(toId) ?? 0) + 1);
    if (!indegree.has(fromId)) indegree.set(fromId, 0);
  }
  const queue = [...indegree].filter(([, d]) => d === 0).map(([n]) => n);
  let removed = 0;
  while (queue.length) {
    const n = queue.pop()!;
    removed++;
    for (const m of out.get(n) ?? []) {
      const d = indegree.get(m)! - 1;
      indegree.set(m, d);
      if (d === 0) queue.push(m);
    }
  }
  return indegree.size - removed;
}
