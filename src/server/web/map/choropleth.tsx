/**
 * A choropleth map of municipalities or counties as inline SVG. Colour classes are quantiles of
 * the published values of regions with at least `minN` persons; regions with fewer are drawn in a
 * grey dot pattern (their figure is too uncertain to get an extreme colour: 6 of 6 = 100 % is not
 * "the best"), suppressed regions are hatched, regions without data light grey. The legend names
 * the unit; the table next to the map carries the same figures (the map's text alternative).
 */
import type { Child } from 'hono/jsx';
import { MAP_CLASSES } from '../charts/palette.ts';
import { translator, type Lang } from '../i18n.ts';
import { classOf, quantileBreaks } from './classes.ts';
import { mapShapes, type MapLevel } from './geo.ts';

const NO_DATA = '#dcdcde';

export interface MapValue {
  /** null when not published. */
  readonly value: number | null;
  readonly suppressed: boolean;
  /** Text for the region's tooltip: formatted value or status symbol with explanation. */
  readonly text: string;
  /** Persons behind the figure (null when unknown). */
  readonly n?: number | null;
  /** The selected region: outlined. */
  readonly selected?: boolean;
}

export interface ChoroplethProps {
  readonly lang: Lang;
  readonly level: MapLevel;
  readonly title: string;
  readonly values: ReadonlyMap<string, MapValue>;
  readonly format: (v: number) => string;
  /** The legend's title: what is shown, with its unit. */
  readonly legendTitle: string;
  /** Regions with fewer persons are not coloured by value (grey dots). */
  readonly minN: number;
}

/** Minimum persons behind a figure for it to get a colour class on the map. */
export const MAP_MIN_N = 20;

export function Choropleth(p: ChoroplethProps): Child {
  const t = translator(p.lang);
  const shapes = mapShapes(p.level);
  const small = (v: MapValue): boolean => v.value !== null && v.n !== undefined && (v.n === null || v.n < p.minN);
  const published = [...p.values.values()].flatMap((v) => (v.value === null || small(v) ? [] : [v.value]));
  const breaks = quantileBreaks(published, MAP_CLASSES.length);
  const colours = MAP_CLASSES.slice(MAP_CLASSES.length - breaks.length - 1);
  const fill = (code: string): string => {
    const v = p.values.get(code);
    if (!v || (v.value === null && !v.suppressed)) return NO_DATA;
    if (v.value === null) return 'url(#prikket)';
    if (small(v)) return 'url(#fa)';
    return colours[classOf(v.value, breaks)] ?? colours[0]!;
  };
  const min = published.length ? Math.min(...published) : 0;
  const max = published.length ? Math.max(...published) : 0;
  const bounds = [min, ...breaks, max];
  return (
    <figure class="map">
      <svg viewBox={`0 0 ${shapes.width} ${shapes.height}`} role="img" aria-label={`${p.title}. ${t('Tallene står i tabellen.', 'The figures are in the table.')}`} class="map-svg">
        <defs>
          <pattern id="prikket" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#5b5d60" stroke-width="2" />
          </pattern>
          <pattern id="fa" width="5" height="5" patternUnits="userSpaceOnUse">
            <rect width="5" height="5" fill="#ededee" />
            <circle cx="2.5" cy="2.5" r="1.1" fill="#6f7174" />
          </pattern>
        </defs>
        {shapes.regions.map((r) => (
          <path d={r.d} fill={fill(r.code)} stroke="#ffffff" stroke-width={p.level === 'fylke' ? 0.8 : 0.3}>
            <title>{`${r.name}: ${p.values.get(r.code)?.text ?? '..'}`}</title>
          </path>
        ))}
        {shapes.regions.filter((r) => p.values.get(r.code)?.selected).map((r) => (
          <path d={r.d} fill="none" stroke="#1e2b3c" stroke-width="2" class="selected-region" />
        ))}
      </svg>
      <figcaption>
        <p class="legend-title">{p.legendTitle}</p>
        <ul class="map-legend">
          {colours.map((c, i) => (
            <li>
              <span class="swatch" style={`background:${c}`} aria-hidden="true"></span>
              {bounds[i] === bounds[i + 1] ? p.format(bounds[i]!) : `${p.format(bounds[i]!)} – ${p.format(bounds[i + 1]!)}`}
            </li>
          ))}
          <li><span class="swatch few" aria-hidden="true"></span>{t(`Færre enn ${p.minN} personer (for usikkert til å fargelegges)`, `Fewer than ${p.minN} persons (too uncertain to colour)`)}</li>
          <li><span class="swatch hatched" aria-hidden="true"></span>{t('Prikket (:)', 'Suppressed (:)')}</li>
          <li><span class="swatch empty" aria-hidden="true"></span>{t('Ingen tall (..)', 'No data (..)')}</li>
        </ul>
        <p class="attribution">{t('Kartgrunnlag: © Kartverket, CC BY 4.0', 'Map data: © Kartverket, CC BY 4.0')}</p>
      </figcaption>
    </figure>
  );
}
