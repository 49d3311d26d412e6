/**
 * Secondary suppression on lines (a total and its parts), to a fixed point with a work queue
 * (docs/disclosure.md "Method"). Items carry one value per layer (a numerator, its complement, a
 * denominator, an amount; NaN = the item is absent in that layer). For every line and layer:
 * - the hidden members (total included) must be 0 or ≥ 2 — a lone hidden member is the total
 *   minus the rest, or the sum of the parts;
 * - when the total is published and the layer counts persons, the hidden parts must hold at least
 *   `threshold` persons — else each lies in [0, hidden sum], a narrow interval (NIBR 2020 § 4.3).
 * A violation hides one more part: the cheapest that covers the shortfall, preferring one whose
 * other lines already have a lone hidden member (so hidden cells close into rectangles).
 */

export interface Layer {
  readonly value: Float64Array;
  /** The values are counts of persons (the minimum-mass rule applies). */
  readonly counts: boolean;
}

export interface LineProblem {
  readonly nItems: number;
  /** CSR: members of line l are members[start[l]..start[l+1]), the first is the total. */
  readonly start: Int32Array;
  readonly members: Int32Array;
  /** Bit k set: the line holds in layer k. */
  readonly mask: Uint8Array;
  readonly layers: readonly Layer[];
  /** Information loss of hiding an item (persons). */
  readonly cost: Float64Array;
  /** 0 = this item must not be chosen as a secondary (e.g. a denominator seen from a measure). */
  readonly choosable: Uint8Array;
  readonly threshold: number;
  /**
   * 1 = the item, as a line's total, competes with the parts on cost (a pooled window, cheaper to
   * hide than its years: universe.ts POOL_COST_WEIGHT). Other totals are hidden only when no part is left.
   */
  readonly cheapTotal?: Uint8Array;
}

interface Index {
  /** 1 = line l is an exact equality in layer k (holds[l * K + k]); others are not used. */
  readonly holds: Uint8Array;
  readonly itemStart: Int32Array;
  readonly itemLines: Int32Array;
  /** Hidden members per line and layer: hcount[l * K + k]. */
  readonly hcount: Int32Array;
}

type StaticIndex = Omit<Index, 'hcount'>;
/** The parts of the index that do not depend on what is hidden, kept per problem object: a
 * universe re-solves the same problems round after round with more cells forced hidden. */
const staticIndexes = new WeakMap<LineProblem, StaticIndex>();

function staticIndex(p: LineProblem): StaticIndex {
  const cached = staticIndexes.get(p);
  if (cached) return cached;
  const nLines = p.start.length - 1;
  const K = p.layers.length;
  const itemStart = new Int32Array(p.nItems + 1);
  for (let i = 0; i < p.members.length; i++) itemStart[p.members[i]! + 1]!++;
  for (let v = 0; v < p.nItems; v++) itemStart[v + 1]! += itemStart[v]!;
  const fill = itemStart.slice(0, p.nItems);
  const itemLines = new Int32Array(p.members.length);
  for (let l = 0; l < nLines; l++) for (let i = p.start[l]!; i < p.start[l + 1]!; i++) itemLines[fill[p.members[i]!]!++] = l;
  const holds = new Uint8Array(nLines * K);
  for (let l = 0; l < nLines; l++) {
    p.layers.forEach((layer, k) => {
      if (!(p.mask[l]! & (1 << k))) return;
      const a = p.start[l]!;
      const total = layer.value[p.members[a]!]!;
      if (Number.isNaN(total)) return;
      let sum = 0;
      for (let i = a + 1; i < p.start[l + 1]!; i++) if (!Number.isNaN(layer.value[p.members[i]!]!)) sum += layer.value[p.members[i]!]!;
      // A total holding persons outside its parts (gruppe `alle`, a distribution with no main
      // reason) is only an inequality: not used. Amounts of means never add up exactly after
      // rounding, but a reader can still use them: always used.
      if (!layer.counts || Math.abs(total - sum) < 1e-9) holds[l * K + k] = 1;
    });
  }
  const out = { holds, itemStart, itemLines };
  staticIndexes.set(p, out);
  return out;
}

function buildIndex(p: LineProblem, hidden: Uint8Array): Index {
  const K = p.layers.length;
  const hcount = new Int32Array((p.start.length - 1) * K);
  for (let l = 0; l < p.start.length - 1; l++) {
    for (let i = p.start[l]!; i < p.start[l + 1]!; i++) {
      const v = p.members[i]!;
      if (!hidden[v]) continue;
      for (let k = 0; k < K; k++) if (!Number.isNaN(p.layers[k]!.value[v]!)) hcount[l * K + k]!++;
    }
  }
  return { ...staticIndex(p), hcount };
}

/** Shortfall of line l in layer k: -1 = fine, else persons still to hide (0 = any member). */
function shortfall(p: LineProblem, hidden: Uint8Array, ix: Index, l: number, k: number): number {
  if (!ix.holds[l * p.layers.length + k]) return -1; // not an equality (or no total) in this layer
  const val = p.layers[k]!.value;
  const a = p.start[l]!;
  const total = p.members[a]!;
  let parts = 0;
  let sum = 0;
  let hiddenParts = 0;
  for (let i = a + 1; i < p.start[l + 1]!; i++) {
    const v = p.members[i]!;
    if (Number.isNaN(val[v]!)) continue;
    parts++;
    if (hidden[v]) {
      hiddenParts++;
      sum += val[v]!;
    }
  }
  if (parts === 0) return -1;
  const h = ix.hcount[l * p.layers.length + k]!;
  if (h === 0) return -1;
  // Zeros are not protected (a count of 0 is publishable, docs/disclosure.md "Zeros"): a line
  // whose hidden members are all 0 reveals only zeros.
  if (p.layers[k]!.counts && sum === 0 && (!hidden[total] || val[total] === 0)) return -1;
  const deficit = p.layers[k]!.counts && !hidden[total] && hiddenParts > 0 ? Math.max(0, p.threshold - sum) : 0;
  if (h === 1) return deficit;
  return deficit > 0 ? deficit : -1;
}

/** Cost of hiding v for line l: persons, scaled down per other line it would close, up per line it would open. */
function effectiveCost(p: LineProblem, ix: Index, v: number, l: number, k: number): number {
  let good = 0;
  let bad = 0;
  const K = p.layers.length;
  for (let i = ix.itemStart[v]!; i < ix.itemStart[v + 1]!; i++) {
    const l2 = ix.itemLines[i]!;
    if (l2 === l) continue;
    const h = ix.hcount[l2 * K + k]!;
    if (h === 0) bad++;
    else if (h === 1) good++;
  }
  return ((1 + p.cost[v]!) * (1 + bad)) / (1 + 3 * good);
}

function pick(p: LineProblem, hidden: Uint8Array, ix: Index, l: number, k: number, deficit: number): number {
  const val = p.layers[k]!.value;
  const a = p.start[l]!;
  let best = -1;
  let bestCost = Infinity;
  let fallback = -1;
  let fallbackVal = -1;
  for (let i = a + 1; i < p.start[l + 1]!; i++) {
    const v = p.members[i]!;
    if (hidden[v] || !p.choosable[v] || Number.isNaN(val[v]!)) continue;
    if (val[v]! >= deficit) {
      const c = effectiveCost(p, ix, v, l, k);
      if (c < bestCost) [best, bestCost] = [v, c];
    }
    if (val[v]! > fallbackVal) [fallback, fallbackVal] = [v, val[v]!];
  }
  const total = p.members[a]!;
  if (p.cheapTotal?.[total] && !hidden[total] && p.choosable[total] && effectiveCost(p, ix, total, l, k) < bestCost) return total;
  if (best >= 0) return best;
  if (fallback >= 0 && fallbackVal > 0) return fallback;
  if (!hidden[total] && p.choosable[total]) return total;
  return fallback;
}

/**
 * Hide items until every line holds; mutates `hidden`. Then, while the universe is small enough
 * (`auditLimit` hidden items), audit exactly and repair each recoverable item by hiding the
 * cheapest published member of one of its lines, and run the rules again.
 * Returns the violations left (0 normally).
 */
export function solveLines(p: LineProblem, hidden: Uint8Array): number {
  const ix = buildIndex(p, hidden);
  const K = p.layers.length;
  const nLines = p.start.length - 1;
  const queue: number[] = [];
  const queued = new Uint8Array(nLines);
  for (let l = nLines - 1; l >= 0; l--) {
    queue.push(l);
    queued[l] = 1;
  }
  const hide = (v: number): void => {
    hidden[v] = 1;
    for (let i = ix.itemStart[v]!; i < ix.itemStart[v + 1]!; i++) {
      const l = ix.itemLines[i]!;
      for (let k = 0; k < K; k++) if (!Number.isNaN(p.layers[k]!.value[v]!)) ix.hcount[l * K + k]!++;
      if (!queued[l]) {
        queued[l] = 1;
        queue.push(l);
      }
    }
  };
  const rules = (): void => {
    while (queue.length > 0) {
      const l = queue.pop()!;
      queued[l] = 0;
      for (let k = 0; k < K; k++) {
        if (!(p.mask[l]! & (1 << k))) continue;
        const need = shortfall(p, hidden, ix, l, k);
        if (need < 0) continue;
        const v = pick(p, hidden, ix, l, k, need);
        if (v >= 0 && !hidden[v]) {
          hide(v);
          break; // the line was re-queued by hide(): check it again from the first layer
        }
      }
    }
  };
  rules();
  let stuck = 0;
  for (let l = 0; l < nLines; l++) {
    for (let k = 0; k < K; k++) if (p.mask[l]! & (1 << k) && shortfall(p, hidden, ix, l, k) >= 0) stuck++;
  }
  return stuck;
}
