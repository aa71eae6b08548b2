import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";

export function AppNav(props: { handle: string; name: string; role: string; awaiting: number }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">Skip to content</a>
      <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-3 text-sm">
        <Link href="/contributions" className="text-base font-semibold text-moss-900">Understory</Link>
        <Link href="/contributions" className="text-stone-700 hover:text-moss-700">My contributions</Link>
        <Link href="/contributions/new" className="text-stone-700 hover:text-moss-700">Log a contribution</Link>
        <Link href="/me" className="text-stone-700 hover:text-moss-700">
          Inbox
          {props.awaiting > 0 && (
            <span className="ml-1 rounded-full bg-moss-700 px-1.5 text-xs text-white" aria-label={`${props.awaiting} links awaiting you`}>
              {props.awaiting}
            </span>
          )}
        </Link>
        <Link href={`/people/${props.handle}`} className="text-stone-700 hover:text-moss-700">My profile</Link>
        {props.role !== "contributor" && <Link href="/dashboards" className="text-stone-700 hover:text-moss-700">Dashboards</Link>}
        {props.role !== "contributor" && <Link href="/review" className="text-stone-700 hover:text-moss-700">Review</Link>}
        {props.role !== "contributor" && <Link href="/campaigns" className="text-stone-700 hover:text-moss-700">Campaigns</Link>}
        {props.role === "admin" && <Link href="/admin" className="text-stone-700 hover:text-moss-700">Admin</Link>}
        <Link href="/tokens" className="text-stone-700 hover:text-moss-700">API tokens</Link>
        <Link href="/definitions" className="text-stone-700 hover:text-moss-700">Definitions</Link>
        <div className="ml-auto flex items-center gap-3">
          <span className="text-stone-600" data-testid="whoami">
            {props.name} <span className="text-stone-500">@{props.handle}</span> · {props.role}
          </span>
          <form action={signOutAction}>
            <button type="submit" className="rounded-md border border-stone-300 px-2 py-1 text-stone-700 hover:bg-stone-100">Sign out</button>
          </form>
        </div>
      </nav>
    </header>
  );
}
