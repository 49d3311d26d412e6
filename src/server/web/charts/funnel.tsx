/**
 * Funnel plot (Spiegelhalter 2005) for A1: every municipality's observed − expected difference
 * against its number of persons, with 95 % and 99.8 % limits that narrow as n grows, and one
 * municipality highlighted. Dots, not a ranking: the x axis is size, not position.
 */
import type { Child } from 'hono/jsx';
import { linear, niceTicks, tickDecimals } from './scales.ts';
import { labelWidth } from './line-chart.tsx';

export interface FunnelPoint {
  readonly code: string;
  readonly name: string;
  readonly n: number;
  readonly d: number;
}

export interface FunnelProps {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly points: readonly FunnelPoint[];
  readonly highlight: string;
  /** Standard deviation of one person's outcome on the published scale (pp: 100·√(p(1−p))), × √φ. */
  readonly sigma: number;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly legend: { readonly limit95: string; readonly limit998: string; readonly highlight: string; readonly others: string };
  readonly formatTick: (v: number, decimals: number) => string;
}

const Z95 = 1.959964;
const Z998 = 3.090232;

export function Funnel(p: FunnelProps): Child {
  const W = 520;
  const H = 300;
  if (p.points.length === 0) return null;
  const nMax = Math.max(...p.points.map((q) => q.n));
  const nMin = Math.max(1, Math.min(...p.points.map((q) => q.n)));
  const ds = p.points.map((q) => q.d);
  const lim = (n: number, z: number) => (z * p.sigma) / Math.sqrt(n);
  const span = Math.max(Math.abs(Math.min(...ds)), Math.abs(Math.max(...ds)), lim(Math.max(nMin, 20), Z95));
  const yTicks = niceTicks(-span, span, 6);
  const dec = tickDecimals(yTicks);
  const tickText = yTicks.map((t) => p.formatTick(t, dec));
  const M = { top: 22, right: 14, bottom: 38, left: Math.max(...tickText.map((s) => labelWidth(s))) + 10 };
  const y = linear([yTicks[0]!, yTicks.at(-1)!], [H - M.bottom, M.top]);
  const xTicks = niceTicks(0, nMax, 5);
  const x = linear([0, xTicks.at(-1)!], [M.left, W - M.right]);
  const curve = (z: number, sign: 1 | -1): string => {
    const pts: string[] = [];
    const from = Math.max(5, nMin * 0.8);
    const to = xTicks.at(-1)!;
    for (let i = 0; i <= 40; i++) {
      const n = from + ((to - from) * i) / 40;
      const v = Math.max(yTicks[0]!, Math.min(yTicks.at(-1)!, sign * lim(n, z)));
      pts.push(`${x(n).toFixed(1)},${y(v).toFixed(1)}`);
    }
    return pts.join(' ');
  };
  const me = p.points.find((q) => q.code === p.highlight);
  return (
    <figure class="chart funnel" id={p.id}>
      <figcaption class="chart-title">{p.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${p.id}-t ${p.id}-d`} class="chart-svg">
        <title id={`${p.id}-t`}>{p.title}</title>
        <desc id={`${p.id}-d`}>{p.summary}</desc>
        <g class="grid" aria-hidden="true">
          <text x={0} y={12} class="axis-label">{p.yLabel}</text>
          {yTicks.map((t, i) => (
            <g>
              <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} class={t === 0 ? 'zero' : undefined} />
              <text x={M.left - 6} y={y(t)} dy="0.32em" text-anchor="end">{tickText[i]}</text>
            </g>
          ))}
          {xTicks.map((t) => <text x={x(t)} y={H - M.bottom + 17} text-anchor="middle">{p.formatTick(t, 0)}</text>)}
          <text x={(M.left + W - M.right) / 2} y={H - 4} text-anchor="middle" class="axis-label">{p.xLabel}</text>
        </g>
        <g class="limits" fill="none" aria-hidden="true">
          <polyline points={curve(Z95, 1)} class="l95" />
          <polyline points={curve(Z95, -1)} class="l95" />
          <polyline points={curve(Z998, 1)} class="l998" />
          <polyline points={curve(Z998, -1)} class="l998" />
        </g>
        <g class="dots">
          {p.points.filter((q) => q.code !== p.highlight).map((q) => (
            <circle cx={x(q.n).toFixed(1)} cy={y(q.d).toFixed(1)} r="3"><title>{`${q.name}: n = ${q.n}`}</title></circle>
          ))}
        </g>
        {me ? (
          <g class="me">
            <circle cx={x(me.n).toFixed(1)} cy={y(me.d).toFixed(1)} r="7" />
            <text x={x(me.n) > W / 2 ? x(me.n) - 11 : x(me.n) + 11} y={y(me.d) - 9} text-anchor={x(me.n) > W / 2 ? 'end' : 'start'}>{me.name}</text>
          </g>
        ) : null}
      </svg>
      <ul class="legend" aria-hidden="true">
        <li><svg width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6" class="me-swatch" /></svg>{p.legend.highlight}</li>
        <li><svg width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="3" class="dot-swatch" /></svg>{p.legend.others}</li>
        <li><svg width="28" height="12" viewBox="0 0 28 12"><line x1="0" x2="28" y1="6" y2="6" class="l95" /></svg>{p.legend.limit95}</li>
        <li><svg width="28" height="12" viewBox="0 0 28 12"><line x1="0" x2="28" y1="6" y2="6" class="l998" /></svg>{p.legend.limit998}</li>
      </ul>
    </figure>
  );
}
