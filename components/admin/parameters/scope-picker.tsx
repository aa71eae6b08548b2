// Which set to edit: a GET form, so the scope is in the URL.
export function ScopePicker({ scope, projects }: { scope: string; projects: { id: number; name: string; hasOwn: boolean; archived: boolean }[] }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-2">
      <div className="text-sm">
        <label htmlFor="param-scope" className="block text-xs text-stone-600">Parameter set</label>
        <select id="param-scope" name="scope" defaultValue={scope} className="rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm">
          <option value="ecosystem">Ecosystem default</option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}{p.hasOwn ? " (own set)" : ""}{p.archived ? " (archived)" : ""}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100">Show</button>
    </form>
  );
}
