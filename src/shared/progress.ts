/** Progress output for long work: to stderr, so stdout stays clean for data. */
import { tr } from './lang.ts';

export interface Progress {
  step(nb: string, en: string): void;
  done(nb: string, en: string): void;
}

export function consoleProgress(quiet = false): Progress {
  const t0 = Date.now();
  const stamp = () => `[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s]`;
  return {
    step(nb, en) {
      if (!quiet) process.stderr.write(`${stamp()} ${tr(nb, en)}\n`);
    },
    done(nb, en) {
      if (!quiet) process.stderr.write(`${stamp()} ${tr(nb, en)}\n`);
    },
  };
}

export const silentProgress: Progress = { step() {}, done() {} };
