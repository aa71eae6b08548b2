"use client";
// The admin area's sections. Campaigns and API tokens live outside /admin (maintainers and
// everyone use them too) but belong to an admin's round all the same.
import Link from "next/link";
import { usePathname } from "next/navigation";

export const ADMIN_SECTIONS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/people", label: "People" },
  { href: "/admin/projects", label: "Projects" },
  { href: "/campaigns", label: "Campaigns" },
  { href: "/admin/parameters", label: "Metric parameters" },
  { href: "/admin/imports", label: "Imports" },
  { href: "/admin/exports", label: "Exports" },
  { href: "/tokens", label: "API tokens" },
  { href: "/admin/audit", label: "Audit log" },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  return href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`);
}

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin sections" className="flex flex-wrap gap-1 border-b border-stone-200 pb-2 text-sm">
      {ADMIN_SECTIONS.map((s) => {
        const current = isCurrent(pathname, s.href);
        return (
          <Link
            key={s.href}
            href={s.href}
            aria-current={current ? "page" : undefined}
            className={`rounded-md px-2.5 py-1.5 ${current ? "bg-moss-700 font-medium text-white" : "text-stone-700 hover:bg-stone-100 hover:text-moss-700"}`}
          >
            {s.label}
          </Link>
        );
      })}
    </nav>
  );
}
