export * from './codes.ts';
export * from './tables.ts';
export * from './results.ts';
export * from './rejections.ts';
export * from './analysis.ts';
export * from './dimensions.ts';
