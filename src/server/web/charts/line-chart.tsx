/**
 * Server-rendered SVG line chart with 95 % interval bands, optional reference (target) lines and a
 * data table as its text alternative. No client JS: the SVG is plain markup.
 *
 * Labels never clip: the left margin is sized from the longest tick label, tick labels carry only
 * as many decimals as the step needs, and the unit stands once above the axis (`yLabel`).
 */
import type { Child } from 'hono/jsx';
import { linear, niceTicks, tickDecimals } from './scales.ts';
import { styleAt } from './palette.ts';

export interface Point {
  readonly x: number;
  /** null = no published value (suppressed or missing): the line breaks there. */
  readonly y: number | null;
  /** Text shown in the data table for this point (formatted value or status symbol). */
  readonly text: string;
  /** 95 % interval, drawn as a band around the line where both ends are known. */
  readonly lo?: number | null;
  readonly hi?: number | null;
}

export interface Series {
  readonly label: string;
  readonly points: readonly Point[];
  /** Draw as separate markers (e.g. pooled windows), not a line. */
  readonly markersOnly?: boolean;
}

export interface Target {
  readonly label: string;
  readonly value: number;
}

export interface LineChartProps {
  readonly id: string;
  readonly title: string;
  /** What the chart shows, in a sentence or two, read by screen readers (`<desc>`). */
  readonly summary: string;
  readonly xLabel: string;
  /** The y axis' name with its unit, e.g. "Andel (%)"; shown above the axis. */
  readonly yLabel: string;
  readonly series: readonly Series[];
  readonly targets?: readonly Target[];
  /** Formats a value with its unit for the table and tooltips. */
  readonly formatY: (v: number) => string;
  /** Formats a tick value (no unit: the unit is in yLabel) with the given number of decimals. */
  readonly formatTick: (v: number, decimals: number) => string;
  readonly formatX?: (v: number) => string;
  /** Caption for the data table under the chart. */
  readonly tableLabel: string;
  readonly yMin?: number;
  readonly yMax?: number;
  /** 'small' for small multiples (municipality page): fewer ticks, no legend when one series. */
  readonly size?: 'normal' | 'small';
  /** Heading level of the caption is not a heading; extra class for the figure. */
  readonly className?: string;
}

/** Width of a label in SVG units for a 13 px system font (generous, so it never clips). */
export const labelWidth = (s: string, px = 13): number => Math.ceil(s.length * px * 0.62) + 4;

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

/** Runs of consecutive points with a known interval: each becomes one band polygon. */
export function bandRuns(points: readonly Point[]): { x: number; lo: number; hi: number }[][] {
  const out: { x: number; lo: number; hi: number }[][] = [];
  let run: { x: number; lo: number; hi: number }[] = [];
  for (const p of [...points].sort((a, b) => a.x - b.x)) {
    if (p.y === null || p.lo === null || p.lo === undefined || p.hi === null || p.hi === undefined) {
      if (run.length) out.push(run);
      run = [];
    } else run.push({ x: p.x, lo: p.lo, hi: p.hi });
  }
  if (run.length) out.push(run);
  return out;
}

function extent(values: readonly number[]): [number, number] {
  return values.length ? [Math.min(...values), Math.max(...values)] : [0, 1];
}

export function LineChart(p: LineChartProps): Child {
  const small = p.size === 'small';
  const W = small ? 340 : 520;
  const H = small ? 190 : 290;
  const xs = [...new Set(p.series.flatMap((s) => s.points.map((pt) => pt.x)))].sort((a, b) => a - b);
  const ys = p.series.flatMap((s) => s.points.flatMap((pt) => (pt.y === null ? [] : [pt.y, ...(pt.lo != null ? [pt.lo] : []), ...(pt.hi != null ? [pt.hi] : [])])));
  const [ylo, yhi] = extent([...ys, ...(p.targets ?? []).map((t) => t.value)]);
  const lo = p.yMin !== undefined ? Math.min(p.yMin, ylo) : Math.min(0, ylo);
  const hi = p.yMax !== undefined ? Math.max(p.yMax, yhi) : yhi;
  const yTicks = niceTicks(lo, hi, small ? 3 : 5);
  const decimals = tickDecimals(yTicks);
  const tickText = yTicks.map((t) => p.formatTick(t, decimals));
  const fx = p.formatX ?? ((v: number) => String(v));
  const M = { top: 22, right: 14, bottom: 38, left: Math.max(28, ...tickText.map((s) => labelWidth(s))) + 8 };
  const y = linear([yTicks[0] ?? 0, yTicks.at(-1) ?? 1], [H - M.bottom, M.top]);
  const [xlo, xhi] = extent(xs);
  const x = linear([xlo, xhi], [M.left + 14, W - M.right - 14]);
  // Thin out year labels so they never overlap (each about 4 digits wide).
  const room = (W - M.left - M.right) / Math.max(1, xs.length);
  const every = Math.max(1, Math.ceil(labelWidth(fx(xs[0] ?? 0)) / room));
  const titleId = `${p.id}-title`;
  const descId = `${p.id}-desc`;
  const showLegend = p.series.length > 1 || (p.targets ?? []).length > 0 || p.series.some((s) => s.markersOnly);
  return (
    <figure class={`chart${small ? ' chart-small' : ''}${p.className ? ` ${p.className}` : ''}`} id={p.id}>
      <figcaption class="chart-title">{p.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${descId}`} class="chart-svg" preserveAspectRatio="xMinYMin meet">
        <title id={titleId}>{p.title}</title>
        <desc id={descId}>{p.summary}</desc>
        <g class="grid" aria-hidden="true">
          <text x={0} y={12} class="axis-label">{p.yLabel}</text>
          {yTicks.map((t, i) => (
            <g>
              <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
              <text x={M.left - 6} y={y(t)} dy="0.32em" text-anchor="end">{tickText[i]}</text>
            </g>
          ))}
          {xs.map((v, i) => ((xs.length - 1 - i) % every === 0 ? (
            <text x={x(v)} y={H - M.bottom + 17} text-anchor="middle">{fx(v)}</text>
          ) : null))}
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
              {bandRuns(s.points).map((run) =>
                run.length === 1 || s.markersOnly ? (
                  run.map((b) => <line class="whisker" x1={x(b.x).toFixed(1)} x2={x(b.x).toFixed(1)} y1={y(b.lo).toFixed(1)} y2={y(b.hi).toFixed(1)} stroke-width="2" />)
                ) : (
                  <polygon
                    class="band"
                    stroke="none"
                    fill-opacity={p.series.length > 2 ? "0.09" : "0.16"}
                    points={[...run.map((b) => `${x(b.x).toFixed(1)},${y(b.hi).toFixed(1)}`), ...[...run].reverse().map((b) => `${x(b.x).toFixed(1)},${y(b.lo).toFixed(1)}`)].join(' ')}
                  />
                ),
              )}
              {s.markersOnly
                ? null
                : segments(s.points).map((run) => (
                    <polyline fill="none" stroke-width="2.5" stroke-dasharray={st.dash || undefined} points={run.map((pt) => `${x(pt.x).toFixed(1)},${y(pt.y).toFixed(1)}`).join(' ')} />
                  ))}
              {s.points.flatMap((pt) =>
                pt.y === null ? [] : [
                  s.markersOnly ? (
                    <rect x={(x(pt.x) - 4.5).toFixed(1)} y={(y(pt.y) - 4.5).toFixed(1)} width="9" height="9" transform={`rotate(45 ${x(pt.x).toFixed(1)} ${y(pt.y).toFixed(1)})`}>
                      <title>{`${s.label}, ${fx(pt.x)}: ${pt.text}`}</title>
                    </rect>
                  ) : (
                    <circle cx={x(pt.x).toFixed(1)} cy={y(pt.y).toFixed(1)} r="3.5">
                      <title>{`${s.label}, ${fx(pt.x)}: ${pt.text}`}</title>
                    </circle>
                  ),
                ],
              )}
            </g>
          );
        })}
      </svg>
      {showLegend ? (
        <ul class="legend" aria-hidden="true">
          {p.series.map((s, i) => {
            const st = styleAt(i);
            return (
              <li>
                <svg width="28" height="12" viewBox="0 0 28 12">
                  {s.markersOnly ? (
                    <rect x="9" y="1" width="9" height="9" fill={st.color} transform="rotate(45 13.5 5.5)" />
                  ) : (
                    <line x1="0" x2="28" y1="6" y2="6" stroke={st.color} stroke-width="3" stroke-dasharray={st.dash || undefined} />
                  )}
                </svg>
                {s.label}
              </li>
            );
          })}
          {(p.targets ?? []).map((t) => (
            <li>
              <svg width="28" height="12" viewBox="0 0 28 12">
                <line x1="0" x2="28" y1="6" y2="6" class="target-swatch" />
              </svg>
              {t.label}
            </li>
          ))}
        </ul>
      ) : null}
      <details class="chart-data">
        <summary>{p.tableLabel}</summary>
        <ChartTable {...p} xs={xs} fx={fx} />
      </details>
    </figure>
  );
}

function ChartTable(p: LineChartProps & { xs: readonly number[]; fx: (v: number) => string }): Child {
  return (
    <div class="table-wrap">
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
    </div>
  );
}
