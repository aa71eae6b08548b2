import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/actor";
import { listMyTokens, listOthersTokens } from "@/lib/tokens/queries";
import { SCOPE_INFO, TOKEN_SCOPES, scopesAllowedFor } from "@/lib/tokens/scopes";
import { CreateTokenForm, type ScopeOption } from "@/components/tokens/create-token-form";
import { TokenTable } from "@/components/tokens/token-table";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requirePageActor();
  const [mine, others] = await Promise.all([listMyTokens(actor), listOthersTokens(actor)]);
  const allowed = scopesAllowedFor(actor.role);
  const scopes: ScopeOption[] = TOKEN_SCOPES.map((s) => ({
    scope: s,
    description: SCOPE_INFO[s].description,
    unavailable: allowed.includes(s) ? undefined : `Needs the ${SCOPE_INFO[s].minRole} role.`,
  }));
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">API tokens</h1>
        <p className="max-w-3xl text-sm text-stone-600">
          A token lets a script use the <a className="text-moss-700 underline" href="/api/v1/openapi.json">REST API</a> as you: it can do what you can
          in the app, narrowed to its scopes, and stops working when you revoke it or your account is deactivated.
        </p>
      </div>
      <CreateTokenForm scopes={scopes} />
      <section className="space-y-2" aria-labelledby="my-tokens">
        <h2 id="my-tokens" className="text-base font-semibold">Your tokens</h2>
        {mine.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center text-sm text-stone-600">You have no tokens yet.</p>
        ) : (
          <TokenTable rows={mine} caption="Your API tokens" />
        )}
      </section>
      {hasRole(actor, "admin") && (
        <section className="space-y-2" aria-labelledby="all-tokens">
          <h2 id="all-tokens" className="text-base font-semibold">Everyone else’s tokens</h2>
          <p className="text-sm text-stone-600">As an admin you can revoke any token, for example one that leaked.</p>
          {others.length === 0 ? (
            <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center text-sm text-stone-600">Nobody else has a token.</p>
          ) : (
            <TokenTable rows={others} caption="Everyone else’s API tokens" showOwner />
          )}
        </section>
      )}
    </div>
  );
}
