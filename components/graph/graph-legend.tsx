// The key to the picture: what node marks and line colours and patterns mean. Plain HTML with
// small inline swatches, so it reads the same for everyone.
import { FOCUS_FILL, HUB_FILL, NODE_STROKE } from "./graph-style";

export interface LegendLine { label: string; color: string; dash?: string }

function Swatch({ children }: { children: React.ReactNode }) {
  return <svg width="30" height="16" viewBox="0 0 30 16" aria-hidden="true" className="shrink-0">{children}</svg>;
}

export function GraphLegend({ lines, patterns, nodeNoun, shape }: { lines: LegendLine[]; patterns?: LegendLine[]; nodeNoun: string; shape: "box" | "dot" }) {
  return (
    <div className="flex flex-wrap gap-x-6 gap-y-2 text-xs text-stone-700" data-testid="graph-legend">
      <ul className="flex flex-wrap items-center gap-x-4 gap-y-1" aria-label="Nodes">
        {shape === "box" ? (
          <>
            <li className="flex items-center gap-1.5"><Swatch><rect x="3" y="3" width="24" height="10" rx="2" fill={FOCUS_FILL} stroke={NODE_STROKE} /></Swatch>the focus</li>
            <li className="flex items-center gap-1.5"><Swatch><rect x="3" y="3" width="24" height="10" rx="2" fill="#fff" stroke={NODE_STROKE} /></Swatch>{nodeNoun}</li>
            <li className="flex items-center gap-1.5">
              <Swatch><rect x="3" y="3" width="24" height="10" rx="2" fill="#fff" stroke={NODE_STROKE} /><rect x="3" y="3" width="6" height="10" rx="1" fill={HUB_FILL} stroke={NODE_STROKE} /></Swatch>
              <span>yellow stripe: <strong>by a hub</strong>, marked ★ among the authors (top 10 % by betweenness, newest run)</span>
            </li>
          </>
        ) : (
          <>
            <li className="flex items-center gap-1.5"><Swatch><circle cx="15" cy="8" r="6" fill={FOCUS_FILL} stroke={NODE_STROKE} strokeWidth="1.5" /></Swatch>the focus</li>
            <li className="flex items-center gap-1.5"><Swatch><circle cx="15" cy="8" r="5" fill="#fff" stroke={NODE_STROKE} strokeWidth="1.5" /></Swatch>{nodeNoun}</li>
            <li className="flex items-center gap-1.5">
              <Swatch><circle cx="15" cy="8" r="7.5" fill={HUB_FILL} stroke={NODE_STROKE} /><circle cx="15" cy="8" r="4" fill="#fff" stroke={NODE_STROKE} strokeWidth="1.5" /></Swatch>
              <span>yellow ring, bold label: <strong>hub</strong> (top 10 % by betweenness, newest run)</span>
            </li>
          </>
        )}
      </ul>
      <ul className="flex flex-wrap items-center gap-x-4 gap-y-1" aria-label="Lines">
        {lines.map((l) => (
          <li key={l.label} className="flex items-center gap-1.5">
            <Swatch><line x1="2" y1="8" x2="28" y2="8" stroke={l.color} strokeWidth="2.5" strokeDasharray={l.dash} /></Swatch>{l.label}
          </li>
        ))}
        {patterns?.map((l) => (
          <li key={l.label} className="flex items-center gap-1.5">
            <Swatch><line x1="2" y1="8" x2="28" y2="8" stroke={l.color} strokeWidth="2" strokeDasharray={l.dash} /></Swatch>{l.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
