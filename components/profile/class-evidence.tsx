// A contributor's participation class with every rule's inputs (METRICS.md §8: first match wins).
import Link from "next/link";
import { formatValue } from "@/components/charts/format";

interface Evidence {
  new?: { birthPeriod: number; matched: boolean };
  transactional?: { lift: number | null; liftMin: number; linkingRatio: number | null; linkingRatioBelow: number; postCampaignStay: boolean | null; matched: boolean };
  persistent?: { activePeriods: number; activePeriodsMin: number; tenurePeriods: number; tenurePeriodsMin: number; linkingRatio: number | null; linkingRatioMin: number; matched: boolean };
  whole?: { contributions: number; campaignShare: number | null; recognitionReceived: number };
  birthLabel?: string;
}

const yesNo = (b: boolean | undefined) => (b ? "matches" : "does not match");

export function ClassEvidenceCard({ cls, isMe }: { cls: { class: string; evidence: Record<string, unknown> }; isMe: boolean }) {
  const e = cls.evidence as Evidence;
  return (
    <section aria-labelledby="class" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4" data-testid="class-evidence">
      <h2 id="class" className="text-base font-semibold">{isMe ? "Your" : "Their"} participation class: <span className="text-moss-800">{cls.class}</span></h2>
      <p className="text-sm text-stone-600">The first rule that matches decides (<Link href="/definitions#transactional" className="text-moss-700 hover:underline">definition</Link>). First active {e.birthLabel ?? "—"}, {e.whole?.contributions ?? 0} contributions.</p>
      <ul className="space-y-1 text-sm">
        <li><strong>new</strong> ({yesNo(e.new?.matched)}): first contribution within the last few periods.</li>
        <li><strong>transactional</strong> ({yesNo(e.transactional?.matched)}): campaign lift {formatValue(e.transactional?.lift ?? null, "number")} (rule ≥ {e.transactional?.liftMin}) with linking ratio {formatValue(e.transactional?.linkingRatio ?? null, "percent")} (rule &lt; {formatValue(e.transactional?.linkingRatioBelow ?? null, "percent")}), or gone after the campaign that recruited them (stayed: {e.transactional?.postCampaignStay === null || e.transactional?.postCampaignStay === undefined ? "not recruited by one" : e.transactional.postCampaignStay ? "yes" : "no"}).</li>
        <li><strong>persistent</strong> ({yesNo(e.persistent?.matched)}): active in {e.persistent?.activePeriods} periods (rule ≥ {e.persistent?.activePeriodsMin}) over {e.persistent?.tenurePeriods} periods of tenure (rule ≥ {e.persistent?.tenurePeriodsMin}), linking ratio {formatValue(e.persistent?.linkingRatio ?? null, "percent")} (rule ≥ {formatValue(e.persistent?.linkingRatioMin ?? null, "percent")}).</li>
        <li><strong>occasional</strong>: everything else.</li>
      </ul>
    </section>
  );
}
