import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requirePageRole } from "@/lib/auth/session";
import { getPersonForAdmin } from "@/lib/users/admin-person";
import { idSchema } from "@/lib/validation/common";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { PersonBadges } from "@/components/admin/people/person-state";
import { RoleForm } from "@/components/admin/people/role-form";
import { ActivationForm } from "@/components/admin/people/activation-form";
import { MergeForm } from "@/components/admin/people/merge-form";
import { ClaimForm } from "@/components/admin/people/claim-form";
import { MergeHistory } from "@/components/admin/people/merge-history";
import { QuickMergeButton } from "@/components/admin/people/quick-merge-button";

export const metadata: Metadata = { title: "Person · Admin" };

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" aria-label={title}>
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-stone-600">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

interface Identity {
  id: number;
  handle: string;
  isImported: boolean;
  hasPassword: boolean;
  deactivatedAt: Date | null;
}

/**
 * Which way a likely duplicate folds: an imported identity nobody signs in with goes to the account
 * someone does (a claim); otherwise the other identity goes into this page's. Null when neither
 * way would be accepted (the identity that stays must be active; an admin never merges themselves).
 */
function mergeDirection(page: Identity, other: Identity, actorId: number) {
  const isUnclaimed = (u: Identity) => u.isImported && !u.hasPassword;
  const [source, target] = isUnclaimed(page) && other.hasPassword ? [page, other] : [other, page];
  if (target.deactivatedAt || source.id === actorId) return null;
  return { source: { id: source.id, handle: source.handle }, target: { id: target.id, handle: target.handle }, isClaim: isUnclaimed(source) && target.hasPassword };
}

export default async function AdminPersonPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageRole("admin");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const p = await getPersonForAdmin(id.data);
  if (!p) notFound();
  const isSelf = p.id === actor.id;
  const isMerged = p.mergedIntoId !== null;
  const canBeClaimed = p.isImported && !p.hasPassword && !isMerged;
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <Link href="/admin/people" className="text-sm text-moss-700 underline">← People</Link>
        <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold">
          {p.name} <span className="font-normal text-stone-500">@{p.handle}</span>
          <PersonBadges {...p} />
        </h1>
      </div>
      <dl className="grid grid-cols-2 gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-4" data-testid="person-facts">
        <Fact label="Email">{p.email ?? <span className="text-stone-500">none</span>}</Fact>
        <Fact label="Role">{p.role}</Fact>
        <Fact label="Contributions">
          <span data-testid="person-contributions">{p.contributions.toLocaleString("en-GB")}</span>
          {p.withdrawn ? <span className="text-stone-500"> (+{p.withdrawn} withdrawn)</span> : null}
        </Fact>
        <Fact label="Imported">{p.isImported ? (p.hasPassword ? "yes, now signs in" : "yes, no credentials") : "no, signed up"}</Fact>
        <Fact label="Joined">{formatDate(p.createdAt)}</Fact>
        <Fact label="State">
          {isMerged ? <>merged into <Link className="text-moss-700 underline" href={`/admin/people/${p.mergedIntoId}`}>@{p.mergedIntoHandle}</Link></>
            : p.deactivatedAt ? `deactivated ${formatDateTime(p.deactivatedAt)}` : "active"}
        </Fact>
        <Fact label="Maintains">
          {p.maintains.length === 0 ? "no projects" : p.maintains.map((m, i) => (
            <span key={m.id}>{i > 0 && ", "}<Link className="text-moss-700 underline" href={`/admin/projects/${m.id}`}>{m.name}</Link>{m.archivedAt ? " (archived)" : ""}</span>
          ))}
        </Fact>
        <Fact label="Profile">{!p.deactivatedAt ? <Link className="text-moss-700 underline" href={`/people/${p.handle}`}>/people/{p.handle}</Link> : "hidden while inactive"}</Fact>
      </dl>

      {isSelf && <p className="rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-700">This is you. Another admin changes your role, deactivates or merges your account.</p>}
      {isMerged && <p className="rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-700">This identity is merged: undo the merge below to change it.</p>}

      {!isSelf && !isMerged && (
        <div className="grid gap-4 lg:grid-cols-2">
          <Panel title="Role">
            <RoleForm userId={p.id} role={p.role} maintains={p.maintains.length} />
          </Panel>
          <Panel title={p.deactivatedAt ? "Reactivate" : "Deactivate"}>
            <p className="text-sm text-stone-600">
              {p.deactivatedAt ? "They can sign in again; nothing else changes." : "Ends their sessions and stops sign-in. Their contributions and links stay and keep counting."}
            </p>
            <ActivationForm userId={p.id} handle={p.handle} isActive={!p.deactivatedAt} />
          </Panel>
        </div>
      )}

      {!isMerged && (
        <div className="grid gap-4 lg:grid-cols-2">
          {canBeClaimed && (
            <Panel title="Claim this imported identity">
              <p className="text-sm text-stone-600">Attach @{p.handle} to the account of the person it belongs to: its work moves to them.</p>
              <ClaimForm importedId={p.id} handle={p.handle} />
            </Panel>
          )}
          <Panel title="Merge identities">
            <p className="text-sm text-stone-600">
              Two identities of one person: the duplicate&apos;s authorships move to the identity that stays (shares added where both co-authored) and the duplicate is deactivated. Every merge can be undone.
            </p>
            {!isSelf && <MergeForm userId={p.id} handle={p.handle} direction="into-other" />}
            {!p.deactivatedAt && <MergeForm userId={p.id} handle={p.handle} direction="other-into-this" />}
          </Panel>
          {p.duplicates.length > 0 && (
            <Panel title="Possibly the same person">
              <ul className="space-y-3" data-testid="duplicates">
                {p.duplicates.map((d) => {
                  const pair = mergeDirection(p, d, actor.id);
                  return (
                    <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                      <span>
                        <Link href={`/admin/people/${d.id}`} className="font-medium text-moss-700 underline">@{d.handle}</Link>{" "}
                        <span className="text-stone-600">{d.name} · {d.contributions} contribution{d.contributions === 1 ? "" : "s"}{d.isImported ? " · imported" : ""}{d.deactivatedAt ? " · deactivated" : ""}</span>
                      </span>
                      {pair && <QuickMergeButton {...pair} />}
                    </li>
                  );
                })}
              </ul>
            </Panel>
          )}
        </div>
      )}

      <section className="space-y-2" aria-label="Merge history">
        <h2 className="font-semibold">Merge history</h2>
        <MergeHistory merges={p.merges} />
      </section>
    </div>
  );
}
