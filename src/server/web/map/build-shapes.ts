/**
 * Writes the prebuilt map shapes (shapes-2024.json) from the topojson files:
 *   node --import tsx src/server/web/map/build-shapes.ts
 * Run it after changing the borders or the projection; classes.test.ts fails until it is run.
 */
import { writeFileSync } from 'node:fs';
import { PREBUILT_SHAPES, projectShapes, sourceHash, type PrebuiltShapes } from './geo.ts';

const shapes: PrebuiltShapes = {
  source: { kommune: sourceHash('kommune'), fylke: sourceHash('fylke') },
  levels: { kommune: projectShapes('kommune'), fylke: projectShapes('fylke') },
};
writeFileSync(PREBUILT_SHAPES, JSON.stringify(shapes));
process.stdout.write(`${PREBUILT_SHAPES}: ${shapes.levels.kommune.regions.length} kommuner, ${shapes.levels.fylke.regions.length} fylker\n`);
