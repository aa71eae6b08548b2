"use client";
// The three queues as tabs, each with how many items wait in it.
import Link from "next/link";
import { usePathname } from "next/navigation";

export function ReviewTabs({ counts }: { counts: { contributions: number; disputes: number; rings: number } }) {
  const path = usePathname();
  const tabs = [
    { href: "/review", label: "Contributions", count: counts.contributions, hint: "unreviewed" },
    { href: "/review/disputes", label: "Disputes", count: counts.disputes, hint: "open" },
    { href: "/review/rings", label: "Link rings", count: counts.rings, hint: "undecided" },
  ];
  return (
    <nav aria-label="Review queues" className="flex flex-wrap gap-1 border-b border-stone-200">
      {tabs.map((t) => {
        const active = t.href === "/review" ? path === "/review" : path.startsWith(t.href);
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px rounded-t-md border px-3 py-2 text-sm ${active ? "border-stone-200 border-b-white bg-white font-medium text-moss-900" : "border-transparent text-stone-600 hover:text-moss-700"}`}
          >
            {t.label}
            <span className="ml-1.5 rounded-full bg-stone-200 px-1.5 text-xs text-stone-700" aria-label={`${t.count} ${t.hint}`}>{t.count}</span>
          </Link>
        );
      })}
    </nav>
  );
}
