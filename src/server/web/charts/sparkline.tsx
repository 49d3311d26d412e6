/** A small trend line for the front page; its values are given as text beside it. */
import type { Child } from 'hono/jsx';
import { linear } from './scales.ts';
import { segments, type Point } from './line-chart.tsx';

const W = 120;
const H = 32;

export function Sparkline(p: { readonly points: readonly Point[]; readonly label: string }): Child {
  const ys = p.points.flatMap((pt) => (pt.y === null ? [] : [pt.y]));
  if (ys.length < 2) return null;
  const xs = p.points.map((pt) => pt.x);
  const x = linear([Math.min(...xs), Math.max(...xs)], [3, W - 3]);
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const pad = (hi - lo) * 0.1 || 1;
  const y = linear([lo - pad, hi + pad], [H - 3, 3]);
  const runs = segments(p.points);
  const last = runs.at(-1)?.at(-1);
  return (
    <svg class="sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={p.label}>
      {runs.map((run) => (
        <polyline fill="none" stroke="#0062ba" stroke-width="2" points={run.map((pt) => `${x(pt.x).toFixed(1)},${y(pt.y).toFixed(1)}`).join(' ')} />
      ))}
      {last ? <circle cx={x(last.x).toFixed(1)} cy={y(last.y).toFixed(1)} r="3" fill="#0062ba" /> : null}
    </svg>
  );
}
