/** Where the shipped reference files live (data/refdata at the repository root). */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../../data/refdata/', import.meta.url));

export function refdataPath(file: string): string {
  return join(ROOT, file);
}
