/** A small LRU of finished responses, bounded by entry count and bytes; keys include the data version. */
import type { Payload } from './respond.ts';

export class ResponseCache<T extends { readonly body: Uint8Array } = Payload> {
  private readonly entries = new Map<string, T>();
  private bytes = 0;
  private readonly pending = new Map<string, Promise<T>>();

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  /** The cached payload, or make() once (concurrent callers share the same promise). */
  async get(key: string, make: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    let p = this.pending.get(key);
    if (!p) {
      p = make().finally(() => this.pending.delete(key));
      this.pending.set(key, p);
      p.then((v) => this.put(key, v), () => undefined);
    }
    return p;
  }

  /** The cached payload without waiting or making it (undefined when absent). */
  peek(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  put(key: string, value: T): void {
    if (value.body.byteLength > this.maxBytes / 4) return;
    this.entries.set(key, value);
    this.bytes += value.body.byteLength;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value as string;
      this.bytes -= this.entries.get(oldest)?.body.byteLength ?? 0;
      this.entries.delete(oldest);
    }
  }
}
