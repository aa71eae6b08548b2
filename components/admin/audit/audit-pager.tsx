import Link from "next/link";

/** Cursor pages: newer and older than the events shown, and back to the newest. */
export function AuditPager({ query, newerCursor, olderCursor }: { query: URLSearchParams; newerCursor: string | null; olderCursor: string | null }) {
  const href = (key: "before" | "after" | null, cursor?: string) => {
    const q = new URLSearchParams(query);
    q.delete("before");
    q.delete("after");
    if (key && cursor) q.set(key, cursor);
    const s = q.toString();
    return s ? `/admin/audit?${s}` : "/admin/audit";
  };
  const link = "rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100";
  if (!newerCursor && !olderCursor) return null;
  return (
    <nav aria-label="Audit pages" className="flex items-center justify-between gap-2">
      <span className="flex gap-2">
        {newerCursor && <Link className={link} href={href(null)}>« Newest</Link>}
        {newerCursor && <Link className={link} href={href("after", newerCursor)} rel="prev">← Newer</Link>}
      </span>
      {olderCursor && <Link className={link} href={href("before", olderCursor)} rel="next">Older →</Link>}
    </nav>
  );
}
