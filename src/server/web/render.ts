/** Turns a page element into a full HTML document. */
import type { Child } from 'hono/jsx';

/** hono/jsx nodes stringify to a string, or to a promise when a component is async. */
export async function toHtml(node: Child): Promise<string> {
  return '<!doctype html>' + (await (node as { toString(): string | Promise<string> }).toString());
}

