/**
 * Rendered pages, kept per data version (pub_meta's `versjon`, new on every compute run), so a
 * repeat view costs one small query instead of a dozen. Bounded LRU by entry count and bytes.
 */
export class PageCache {
  private readonly entries = new Map<string, string>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 500,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {}

  async get(key: string, make: () => Promise<string>): Promise<string> {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const html = await make();
    this.entries.set(key, html);
    this.bytes += html.length;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value as string;
      this.bytes -= this.entries.get(oldest)?.length ?? 0;
      this.entries.delete(oldest);
    }
    return html;
  }
}
