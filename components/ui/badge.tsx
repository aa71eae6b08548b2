// Status badges. Colours come in pairs a colour-blind reader can still tell apart by the word.
const TONES: Record<string, string> = {
  confirmed: "bg-sky-100 text-sky-900",
  accepted: "bg-sky-100 text-sky-900",
  unconfirmed: "bg-stone-200 text-stone-800",
  unreviewed: "bg-stone-200 text-stone-800",
  disputed: "bg-orange-100 text-orange-900",
  rejected: "bg-orange-100 text-orange-900",
  quarantined: "bg-orange-100 text-orange-900",
  removed: "bg-stone-100 text-stone-500 line-through",
  withdrawn: "bg-stone-100 text-stone-500",
};

export function Badge({ value, label }: { value: string; label?: string }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${TONES[value] ?? "bg-stone-100 text-stone-700"}`}>
      {label ?? value.replace(/_/g, " ")}
    </span>
  );
}
