/**
 * Region borders for the map, rendered once to SVG path strings and cached.
 * Source: data/refdata/geo/robhop-2024-{Kommuner,Fylker}-S.topojson (2024 structure, WGS84,
 * simplified; © Kartverket, CC BY 4.0). Region codes come from the `kommunenummer` /
 * `fylkesnummer` properties, the same 4- and 2-digit codes as the results table's `region`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import { geoPath, geoTransform, geoTransverseMercator, type GeoStreamWrapper } from 'd3-geo';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';

export type MapLevel = 'kommune' | 'fylke';

export interface RegionShape {
  readonly code: string;
  readonly name: string;
  /** SVG path data in the map's own coordinate system (viewBox 0 0 width height). */
  readonly d: string;
}

export interface MapShapes {
  readonly width: number;
  readonly height: number;
  readonly regions: readonly RegionShape[];
}

interface Props {
  readonly kommunenummer?: string;
  readonly fylkesnummer?: string;
  readonly name?: string;
}

const FILES: Record<MapLevel, { file: string; object: string }> = {
  kommune: { file: 'robhop-2024-Kommuner-S.topojson', object: 'Kommuner' },
  fylke: { file: 'robhop-2024-Fylker-S.topojson', object: 'Fylker' },
};

const GEO_DIR = fileURLToPath(new URL('../../../../data/refdata/geo/', import.meta.url));
export const MAP_WIDTH = 360;
export const MAP_HEIGHT = 480;
const cache = new Map<MapLevel, MapShapes>();

/**
 * Projects with a transverse Mercator centred on 15° E (like UTM zone 33, Norway's usual map
 * projection), but streams the result as *planar* geometry. d3's spherical path would read the
 * file's ring winding as "everything except Norway" and fill the whole map; planar paths do not
 * care about winding. Scaled and translated to fit MAP_WIDTH × MAP_HEIGHT.
 */
function planarProjection(fc: FeatureCollection<Geometry, Props>): GeoStreamWrapper {
  const utm = geoTransverseMercator().rotate([-15, 0]).scale(1).translate([0, 0]);
  const raw = geoTransform({
    point(lon: number, lat: number) {
      const p = utm([lon, lat]);
      if (p) this.stream.point(p[0], p[1]);
    },
  });
  const [[x0, y0], [x1, y1]] = geoPath(raw).bounds(fc);
  const k = Math.min(MAP_WIDTH / (x1 - x0), MAP_HEIGHT / (y1 - y0));
  const dx = (MAP_WIDTH - k * (x1 - x0)) / 2 - k * x0;
  const dy = (MAP_HEIGHT - k * (y1 - y0)) / 2 - k * y0;
  return geoTransform({
    point(lon: number, lat: number) {
      const p = utm([lon, lat]);
      if (p) this.stream.point(dx + k * p[0], dy + k * p[1]);
    },
  });
}

/**
 * The projected shapes of both levels, built once from the topojson files by
 * `node --import tsx src/server/web/map/build-shapes.ts` and shipped beside this file, so a server's
 * first map costs a file read instead of ~0.5–1 s of projection. Used only while the source
 * files' hashes match (a test checks that the shipped shapes equal freshly projected ones).
 */
export const PREBUILT_SHAPES = fileURLToPath(new URL('./shapes-2024.json', import.meta.url));

export interface PrebuiltShapes {
  readonly source: Record<MapLevel, string>;
  readonly levels: Record<MapLevel, MapShapes>;
}

/** SHA-1 of a level's topojson file (what the prebuilt shapes were made from). */
export function sourceHash(level: MapLevel): string {
  return createHash('sha1').update(readFileSync(GEO_DIR + FILES[level].file)).digest('hex');
}

function prebuilt(level: MapLevel): MapShapes | null {
  if (!existsSync(PREBUILT_SHAPES)) return null;
  const shipped = JSON.parse(readFileSync(PREBUILT_SHAPES, 'utf8')) as PrebuiltShapes;
  return shipped.source[level] === sourceHash(level) ? shipped.levels[level] : null;
}

/** The shapes of one level (shipped prebuilt, else projected now), cached. */
export function mapShapes(level: MapLevel): MapShapes {
  const hit = cache.get(level);
  if (hit) return hit;
  const shapes = prebuilt(level) ?? projectShapes(level);
  cache.set(level, shapes);
  return shapes;
}

/** Reads and projects (UTM zone 33-like transverse Mercator) the shapes of one level. */
export function projectShapes(level: MapLevel): MapShapes {
  const { file, object } = FILES[level];
  const topo = JSON.parse(readFileSync(GEO_DIR + file, 'utf8')) as Topology<Record<string, GeometryCollection<Props>>>;
  const obj = topo.objects[object];
  if (!obj) throw new Error(`${file}: mangler objektet ${object}`);
  const fc = feature(topo, obj) as FeatureCollection<Geometry, Props>;
  const projection = planarProjection(fc);
  const path = geoPath(projection).digits(0);
  // Tiny municipalities vanish at whole pixels; they keep one decimal so every region is drawn.
  const fine = geoPath(projection).digits(1);
  const regions = fc.features.map((f) => ({
    code: String(f.properties.kommunenummer ?? f.properties.fylkesnummer ?? f.id ?? ''),
    name: String(f.properties.name ?? ''),
    d: compactPath(path(f) ?? '') || (fine(f) ?? ''),
  }));
  return { width: MAP_WIDTH, height: MAP_HEIGHT, regions };
}

/**
 * Shrinks d3's absolute path ("M1,2L1,2L3,4Z") for inline SVG: drops repeated points, removes
 * points closer than `tolerance` px to the simplified line (Douglas–Peucker), and writes the rest
 * as short relative moves ("M1,2l2,2z"). Rings left with fewer than three points, or
 * smaller than 2 px across (islets), are dropped.
 */
export function compactPath(d: string, tolerance = 0.6): string {
  let out = '';
  for (const ring of d.split('M').filter(Boolean)) {
    const closed = ring.endsWith('Z');
    const pts: [number, number][] = [];
    for (const p of ring.replace(/Z$/, '').split('L')) {
      const [x, y] = p.split(',').map(Number) as [number, number];
      const last = pts.at(-1);
      if (!last || last[0] !== x || last[1] !== y) pts.push([x, y]);
    }
    const kept = simplify(pts, tolerance);
    if (kept.length < 3 || extentOf(kept) < 2) continue;
    const [x0, y0] = kept[0]!;
    out += `M${x0},${y0}`;
    for (let i = 1; i < kept.length; i++) out += `l${kept[i]![0] - kept[i - 1]![0]},${kept[i]![1] - kept[i - 1]![1]}`;
    out += closed ? 'z' : '';
  }
  return out;
}

/** The larger side of a ring's bounding box: islets under ~2 px are not drawn. */
function extentOf(pts: readonly [number, number][]): number {
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
}

/** Douglas–Peucker on a polyline (iterative), keeping both ends. */
function simplify(pts: readonly [number, number][], tol: number): [number, number][] {
  if (pts.length <= 2) return [...pts];
  const keep = new Uint8Array(pts.length);
  keep[0] = 1;
  keep[pts.length - 1] = 1;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = pts[a]!;
    const [bx, by] = pts[b]!;
    const len = Math.hypot(bx - ax, by - ay);
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = pts[i]!;
      const dist = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
      if (dist > worst) [worst, at] = [dist, i];
    }
    if (worst > tol) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}
