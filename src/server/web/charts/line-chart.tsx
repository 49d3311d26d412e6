/**
 * Server-rendered SVG line chart with optional reference (target) lines and a data table as its
 * text alternative. No client JS: the SVG is plain markup.
 */
import type { Child } from 'hono/jsx';
import { linear, niceTicks } from './scales.ts';
import { styleAt } from './palette.ts';

export interface Point {
  readonly x: number;
  /** null = no published value (suppressed or missing): the line breaks there. */
  readonly y: number | null;
  /** Text shown in the data table for this point (formatted value or status symbol). */
  readonly text: string;
}

export interface Series {
  readonly label: string;
  readonly points: readonly Point[];
}

export interface Target {
  readonly label: string;
  readonly value: number;
}

export interface LineChartProps {
  readonly id: string;
  readonly title: string;
  /** One sentence saying what the chart shows, read by screen readers. */
  readonly summary: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
  readonly targets?: readonly Target[];
  readonly formatY: (v: number) => string;
  readonly formatX?: (v: number) => string;
  /** Caption for the data table under the chart. */
  readonly tableLabel: string;
  readonly yMin?: number;
  readonly yMax?: number;
}

const W = 640;
const H = 300;
const M = { top: 16, right: 24, bottom: 40, left: 56 };

/** Splits a series into runs of consecutive published points, so gaps stay visible. */
export function segments(points: readonly Point[]): { x: number; y: number }[][] {
  const out: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  for (const p of [...points].sort((a, b) => a.x - b.x)) {
    if (p.y === null) {
      if (run.length) out.push(run);
      run = [];
    } else run.push({ x: p.x, y: p.y });
  }
  if (run.length) out.push(run);
  return out;
}

function extent(values: readonly number[]): [number, number] {
  return values.length ? [Math.min(...values), Math.max(...values)] : [0, 1];
}

export function LineChart(p: LineChartProps): Child {
  const xs = [...new Set(p.series.flatMap((s) => s.points.map((pt) => pt.x)))].sort((a, b) => a - b);
  const ys = p.series.flatMap((s) => s.points.flatMap((pt) => (pt.y === null ? [] : [pt.y])));
  const [ylo, yhi] = extent([...ys, ...(p.targets ?? []).map((t) => t.value)]);
  const yTicks = niceTicks(p.yMin ?? Math.min(0, ylo), p.yMax ?? yhi, 5);
  const y = linear([yTicks[0] ?? 0, yTicks.at(-1) ?? 1], [H - M.bottom, M.top]);
  const [xlo, xhi] = extent(xs);
  const x = linear([xlo, xhi], [M.left + 12, W - M.right - 12]);
  const fx = p.formatX ?? ((v: number) => String(v));
  const titleId = `${p.id}-title`;
  const descId = `${p.id}-desc`;
  return (
    <figure class="chart" id={p.id}>
      <figcaption class="chart-title">{p.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${descId}`} class="chart-svg">
        <title id={titleId}>{p.title}</title>
        <desc id={descId}>{p.summary}</desc>
        <g class="grid" aria-hidden="true">
          {yTicks.map((t) => (
            <g>
              <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
              <text x={M.left - 6} y={y(t)} dy="0.32em" text-anchor="end">{p.formatY(t)}</text>
            </g>
          ))}
          {xs.map((v) => (
            <text x={x(v)} y={H - M.bottom + 18} text-anchor="middle">{fx(v)}</text>
          ))}
          <text x={(M.left + W - M.right) / 2} y={H - 4} text-anchor="middle" class="axis-label">{p.xLabel}</text>
        </g>
        {(p.targets ?? []).map((t) => (
          <g class="target">
            <line x1={M.left} x2={W - M.right} y1={y(t.value)} y2={y(t.value)} />
            <text x={W - M.right} y={y(t.value) - 5} text-anchor="end">{t.label}</text>
          </g>
        ))}
        {p.series.map((s, i) => {
          const st = styleAt(i);
          return (
            <g class="series" stroke={st.color} fill={st.color}>
              {segments(s.points).map((run) => (
                <polyline
                  fill="none"
                  stroke-width="2.5"
                  stroke-dasharray={st.dash || undefined}
                  points={run.map((pt) => `${x(pt.x).toFixed(1)},${y(pt.y).toFixed(1)}`).join(' ')}
                />
              ))}
              {s.points.flatMap((pt) =>
                pt.y === null ? [] : [
                  <circle cx={x(pt.x).toFixed(1)} cy={y(pt.y).toFixed(1)} r="3.5">
                    <title>{`${s.label}, ${fx(pt.x)}: ${pt.text}`}</title>
                  </circle>,
                ],
              )}
            </g>
          );
        })}
      </svg>
      <ul class="legend" aria-hidden="true">
        {p.series.map((s, i) => {
          const st = styleAt(i);
          return (
            <li>
              <svg width="28" height="10" viewBox="0 0 28 10">
                <line x1="0" x2="28" y1="5" y2="5" stroke={st.color} stroke-width="3" stroke-dasharray={st.dash || undefined} />
              </svg>
              {s.label}
            </li>
          );
        })}
        {(p.targets ?? []).map((t) => (
          <li>
            <svg width="28" height="10" viewBox="0 0 28 10">
              <line x1="0" x2="28" y1="5" y2="5" class="target-swatch" />
            </svg>
            {t.label}
          </li>
        ))}
      </ul>
      <details class="chart-data">
        <summary>{p.tableLabel}</summary>
        <ChartTable {...p} xs={xs} fx={fx} />
      </details>
    </figure>
  );
}

function ChartTable(p: LineChartProps & { xs: readonly number[]; fx: (v: number) => string }): Child {
  return (
    <table class="ds-table" data-size="sm">
      <caption>{p.title}</caption>
      <thead>
        <tr>
          <th scope="col">{p.xLabel}</th>
          {p.series.map((s) => <th scope="col">{s.label}</th>)}
        </tr>
      </thead>
      <tbody>
        {p.xs.map((xv) => (
          <tr>
            <th scope="row">{p.fx(xv)}</th>
            {p.series.map((s) => <td class="num">{s.points.find((pt) => pt.x === xv)?.text ?? ''}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
