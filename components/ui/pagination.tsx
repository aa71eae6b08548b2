import Link from "next/link";

export function Pagination({ page, pageCount, basePath, params }: { page: number; pageCount: number; basePath: string; params: URLSearchParams }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const q = new URLSearchParams(params);
    if (p > 1) q.set("page", String(p));
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  const link = "rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100";
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2">
      {page > 1 ? <Link className={link} href={href(page - 1)} rel="prev">← Previous</Link> : <span />}
      <span className="text-sm text-stone-600">Page {Math.min(page, pageCount)} of {pageCount}</span>
      {page < pageCount ? <Link className={link} href={href(page + 1)} rel="next">Next →</Link> : <span />}
    </nav>
  );
}
