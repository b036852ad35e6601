/**
 * A small seeded PRNG so the demo is the same on every machine and every run: Math.random would
 * make screenshots, tests and benchmarks disagree.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [-amplitude, amplitude]. */
  noise(amplitude: number): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
}

/** xmur3 string hash: turns a readable seed ("coord-dom/PAT_INC") into 32 bits. */
function hashSeed(seed: string): number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^= h >>> 16) >>> 0;
}

/** mulberry32: tiny, fast and good enough for plausible noise. */
export function seededRandom(seed: string): Random {
  let state = hashSeed(seed);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    noise: (amplitude) => (next() * 2 - 1) * amplitude,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}
