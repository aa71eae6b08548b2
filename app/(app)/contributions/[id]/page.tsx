import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { getContributionDetail } from "@/lib/contributions/queries";
import { idSchema } from "@/lib/validation/common";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatShare } from "@/components/ui/format";
import { LinkPicker } from "@/components/links/link-picker";
import { LinkList } from "@/components/links/link-list";
import { WithdrawButton } from "@/components/contributions/withdraw-button";

export const metadata: Metadata = { title: "Contribution" };

export default async function ContributionPage({ params, searchParams }: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [c, flags] = await Promise.all([getContributionDetail(actor, id.data), searchParams]);
  if (!c) notFound();
  const notice = flags.created ? "Logged. Now link it to the earlier work it builds on." : flags.updated ? "Saved." : null;
  return (
    <article className="space-y-6">
      {notice && <p className="rounded-md bg-moss-50 px-3 py-2 text-sm text-moss-900" data-testid="notice">{notice}</p>}
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-xl font-semibold">{c.title}</h1>
          {c.deletedAt ? <Badge value="withdrawn" /> : <Badge value={c.status} />}
        </div>
        <p className="text-sm text-stone-600">
          #{c.id} · {c.kind} in <span className="font-medium text-stone-800">{c.project.name}</span> · happened {formatDateTime(c.occurredAt)}
          {c.url && <> · <a className="text-moss-700 underline" href={c.url} rel="noopener noreferrer nofollow" target="_blank">open the work</a></>}
        </p>
        <p className="text-sm" data-testid="authors">
          By {c.authors.map((a, i) => (
            <span key={a.userId}>{i > 0 && ", "}{a.user.name} <span className="text-stone-500">@{a.user.handle}{c.authors.length > 1 && ` · ${formatShare(a.share)}`}</span></span>
          ))}
        </p>
        {c.description && <p className="whitespace-pre-wrap text-sm text-stone-800">{c.description}</p>}
        {c.canEdit && (
          <div className="flex gap-2">
            <Link href={`/contributions/${c.id}/edit`} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100">Edit</Link>
            <WithdrawButton id={c.id} />
          </div>
        )}
      </header>

      <section aria-labelledby="builds-on" className="space-y-3">
        <h2 id="builds-on" className="text-lg font-semibold">Builds on</h2>
        <p className="text-xs text-stone-600">Earlier work this contribution stands on. Credit flows to it along these links.</p>
        <LinkList direction="out" links={c.linksOut.map((l) => ({ ...l, other: l.to, otherVisible: !l.to.deletedAt }))} />
        {c.canLink && <LinkPicker fromId={c.id} />}
      </section>

      <section aria-labelledby="built-on-by" className="space-y-3">
        <h2 id="built-on-by" className="text-lg font-semibold">Built on by</h2>
        <p className="text-xs text-stone-600">Later work that says it stands on this one. Its authors confirm or dispute each link.</p>
        <LinkList direction="in" links={c.linksIn.map((l) => ({ ...l, other: l.from, otherVisible: l.fromVisible }))} />
      </section>
    </article>
  );
}
