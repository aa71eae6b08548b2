import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import { RevokeTokenButton } from "./revoke-token-button";

export interface TokenTableRow {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  user: { handle: string };
}

export function TokenTable({ rows, caption, showOwner = false }: { rows: TokenTableRow[]; caption: string; showOwner?: boolean }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase text-stone-600">
          <tr>
            <th scope="col" className="px-3 py-2">Name</th>
            {showOwner && <th scope="col" className="px-3 py-2">Owner</th>}
            <th scope="col" className="px-3 py-2">Token</th>
            <th scope="col" className="px-3 py-2">Scopes</th>
            <th scope="col" className="px-3 py-2">Created</th>
            <th scope="col" className="px-3 py-2">Last used</th>
            <th scope="col" className="px-3 py-2">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.id} className="border-b border-stone-100 align-top last:border-0" data-testid={`token-row-${t.id}`}>
              <td className="px-3 py-2 font-medium">{t.name}</td>
              {showOwner && <td className="px-3 py-2">@{t.user.handle}</td>}
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs text-stone-700">{t.prefix}_…</td>
              <td className="px-3 py-2">
                <span className="flex flex-wrap gap-1">{t.scopes.map((s) => <code key={s} className="rounded bg-stone-100 px-1.5 py-0.5 text-xs">{s}</code>)}</span>
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-stone-600">{formatDateTime(t.createdAt)}</td>
              <td className="whitespace-nowrap px-3 py-2 text-stone-600">{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "never"}</td>
              <td className="px-3 py-2">
                {t.revokedAt ? (
                  <span className="space-y-0.5">
                    <Badge value="revoked" />
                    <span className="block whitespace-nowrap text-xs text-stone-500">{formatDateTime(t.revokedAt)}</span>
                  </span>
                ) : (
                  <RevokeTokenButton id={t.id} name={t.name} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
