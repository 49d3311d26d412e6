/**
 * Series styles: colours with at least 3:1 contrast against white (WCAG 2.1 1.4.11) and a dash
 * pattern each, so series can be told apart without colour (1.4.1).
 */
export interface SeriesStyle {
  readonly color: string;
  readonly dash: string;
}

export const SERIES_STYLES: readonly SeriesStyle[] = [
  { color: '#0062ba', dash: '' },
  { color: '#a3480c', dash: '6 3' },
  { color: '#5b3fa0', dash: '2 3' },
  { color: '#24272b', dash: '10 3 2 3' },
  { color: '#0b6a53', dash: '4 2 4 6' },
  { color: '#8a1c5a', dash: '1 2' },
];

export const styleAt = (i: number): SeriesStyle => SERIES_STYLES[i % SERIES_STYLES.length]!;

/** Sequential blues for the map's classes, light to dark (all distinguishable from white). */
export const MAP_CLASSES: readonly string[] = ['#c7ddf0', '#8fbde3', '#4f94cf', '#1f6fb2', '#0b4a80'];
