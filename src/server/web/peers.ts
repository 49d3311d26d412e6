/**
 * The peer group of a municipality: the municipalities most like it in size (persons settled),
 * centrality (SSB class 1–6) and composition (shares under 25 and with upper-secondary education
 * among intro participants). Pure: features in, peers out (docs/dashboard.md, "Lignende kommuner").
 *
 * Distance: each feature is standardised over all municipalities that have it (z-score), size on
 * a log scale; the distance is the root mean square of the differences over the features both
 * municipalities have (at least two). The `count` nearest are the peers; ties by code.
 */

export interface PeerFeatures {
  readonly code: string;
  /** Persons in the pooled settlement cohorts (denominator of the headline intro indicator). */
  readonly size: number | null;
  readonly centrality: number | null;
  /** Shares (0–100) of intro participants under 25 and with upper-secondary education. */
  readonly shareUnder25: number | null;
  readonly shareVgo: number | null;
}

export interface Peer {
  readonly code: string;
  readonly distance: number;
}

type Key = 'size' | 'centrality' | 'shareUnder25' | 'shareVgo';
const KEYS: readonly Key[] = ['size', 'centrality', 'shareUnder25', 'shareVgo'];

const value = (f: PeerFeatures, k: Key): number | null => {
  const v = f[k];
  if (v === null || !Number.isFinite(v)) return null;
  return k === 'size' ? Math.log(Math.max(1, v)) : v;
};

/** The `count` municipalities nearest to `code` (never itself); [] when it has too few features. */
export function peerGroup(code: string, all: readonly PeerFeatures[], count = 5): Peer[] {
  const stats = new Map<Key, { mean: number; sd: number }>();
  for (const k of KEYS) {
    const vs = all.flatMap((f) => {
      const v = value(f, k);
      return v === null ? [] : [v];
    });
    if (vs.length < 2) continue;
    const mean = vs.reduce((a, b) => a + b, 0) / vs.length;
    const sd = Math.sqrt(vs.reduce((a, b) => a + (b - mean) ** 2, 0) / (vs.length - 1));
    if (sd > 0) stats.set(k, { mean, sd });
  }
  const me = all.find((f) => f.code === code);
  if (!me) return [];
  const z = (f: PeerFeatures, k: Key): number | null => {
    const v = value(f, k);
    const s = stats.get(k);
    return v === null || !s ? null : (v - s.mean) / s.sd;
  };
  const out: Peer[] = [];
  for (const other of all) {
    if (other.code === code) continue;
    let sum = 0;
    let used = 0;
    for (const k of KEYS) {
      const a = z(me, k);
      const b = z(other, k);
      if (a === null || b === null) continue;
      sum += (a - b) ** 2;
      used++;
    }
    if (used >= 2) out.push({ code: other.code, distance: Math.sqrt(sum / used) });
  }
  return out.sort((a, b) => a.distance - b.distance || a.code.localeCompare(b.code)).slice(0, count);
}
