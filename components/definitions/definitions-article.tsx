// The rendered metric definitions with a table of contents. The HTML comes from our own renderer
// (lib/docs/markdown.ts), which escapes every piece of text, so it is safe to inject.
import type { RenderedMarkdown } from "@/lib/docs/markdown";

export function DefinitionsArticle({ doc }: { doc: RenderedMarkdown }) {
  const sections = doc.headings.filter((h) => h.level === 2);
  return (
    <div className="grid gap-6 lg:grid-cols-[13rem_minmax(0,1fr)]">
      <nav aria-label="Sections" className="text-sm lg:sticky lg:top-4 lg:self-start">
        <p className="mb-2 font-medium text-stone-800">On this page</p>
        <ol className="flex flex-wrap gap-x-4 gap-y-1 lg:block lg:space-y-1">
          {sections.map((h) => (
            <li key={h.id}>
              <a href={`#${h.id}`} className="text-moss-700 hover:underline">
                {h.text}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <article className="markdown min-w-0 rounded-lg border border-stone-200 bg-white p-4 sm:p-6" dangerouslySetInnerHTML={{ __html: doc.html }} />
    </div>
  );
}
