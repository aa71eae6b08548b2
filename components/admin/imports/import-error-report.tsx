// The rows an import refused: line number and reason, as stored (the first 1,000).
const n = (v: number) => v.toLocaleString("en-US");

export function ImportErrorReport({ errors, errorRows }: { errors: { line: number; reason: string }[]; errorRows: number }) {
  return (
    <section aria-labelledby="errors-heading" className="space-y-2">
      <h2 id="errors-heading" className="text-base font-semibold">Refused rows</h2>
      {errors.length === 0 ? (
        <p className="text-sm text-stone-600">Every row was read without a problem.</p>
      ) : (
        <>
          <p className="text-sm text-stone-600">
            {errorRows > errors.length ? `The first ${n(errors.length)} of ${n(errorRows)} refused rows.` : `${n(errorRows)} ${errorRows === 1 ? "row was" : "rows were"} refused.`}{" "}
            Fix {errorRows === 1 ? "it" : "them"} and import the file again: the rows already loaded are skipped.
          </p>
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm" data-testid="import-errors">
              <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase text-stone-600">
                <tr>
                  <th scope="col" className="w-20 px-3 py-2 text-right">Line</th>
                  <th scope="col" className="px-3 py-2">Reason</th>
                </tr>
              </thead>
              <tbody>
                {errors.map((e, i) => (
                  <tr key={`${e.line}-${i}`} className="border-b border-stone-100 last:border-0">
                    <td className="px-3 py-1.5 text-right tabular-nums">{e.line}</td>
                    <td className="px-3 py-1.5">{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
