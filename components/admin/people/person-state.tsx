import { Badge } from "@/components/ui/badge";

/** Role and state badges: words first, colour only repeats them. */
export function PersonBadges(p: { role: string; isImported: boolean; hasPassword: boolean; deactivatedAt: Date | null; mergedIntoHandle: string | null }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge value={p.role === "contributor" ? "role" : p.role === "maintainer" ? "confirmed" : "accepted"} label={p.role} />
      {p.mergedIntoHandle ? (
        <Badge value="merged" label={`merged into @${p.mergedIntoHandle}`} />
      ) : p.deactivatedAt ? (
        <Badge value="rejected" label="deactivated" />
      ) : null}
      {p.isImported && <Badge value="unconfirmed" label={p.hasPassword ? "imported, claimed" : "imported"} />}
    </span>
  );
}
