/**
 * A choropleth map of municipalities or counties as inline SVG. Colour classes are quantiles of
 * the published values; suppressed regions are hatched, regions without data light grey. The
 * table next to it carries the same figures (the map's text alternative).
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
}

export interface ChoroplethProps {
  readonly lang: Lang;
  readonly level: MapLevel;
  readonly title: string;
  readonly values: ReadonlyMap<string, MapValue>;
  readonly format: (v: number) => string;
}

export function Choropleth(p: ChoroplethProps): Child {
  const t = translator(p.lang);
  const shapes = mapShapes(p.level);
  const published = [...p.values.values()].flatMap((v) => (v.value === null ? [] : [v.value]));
  const breaks = quantileBreaks(published, MAP_CLASSES.length);
  const colours = MAP_CLASSES.slice(MAP_CLASSES.length - breaks.length - 1);
  const fill = (code: string): string => {
    const v = p.values.get(code);
    if (!v || (v.value === null && !v.suppressed)) return NO_DATA;
    if (v.value === null) return 'url(#prikket)';
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
        </defs>
        {shapes.regions.map((r) => (
          <path d={r.d} fill={fill(r.code)} stroke="#ffffff" stroke-width={p.level === 'fylke' ? 0.8 : 0.3}>
            <title>{`${r.name}: ${p.values.get(r.code)?.text ?? '..'}`}</title>
          </path>
        ))}
      </svg>
      <figcaption>
        <ul class="map-legend">
          {colours.map((c, i) => (
            <li>
              <span class="swatch" style={`background:${c}`} aria-hidden="true"></span>
              {bounds[i] === bounds[i + 1] ? p.format(bounds[i]!) : `${p.format(bounds[i]!)} – ${p.format(bounds[i + 1]!)}`}
            </li>
          ))}
          <li><span class="swatch hatched" aria-hidden="true"></span>{t('Prikket (:)', 'Suppressed (:)')}</li>
          <li><span class="swatch empty" aria-hidden="true"></span>{t('Ingen tall (..)', 'No data (..)')}</li>
        </ul>
        <p class="attribution">{t('Kartgrunnlag: © Kartverket, CC BY 4.0', 'Map data: © Kartverket, CC BY 4.0')}</p>
      </figcaption>
    </figure>
  );
}
