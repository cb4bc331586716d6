// Seeded random numbers for generated data (reconstructed ledgers, demo statistics, benchmarks, test fixtures):
// mulberry32, small and the same on every platform, so a seed always gives the same files.

/** mulberry32 from a 32-bit seed: unsigned 32-bit integers. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Uniform numbers in [0, 1) from a 32-bit seed. */
export function uniform(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}

/** Uniform numbers in [0, 1) keyed by a text (hashed with xmur3), so that each series is independent of the others. */
export function uniformFor(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; ++i) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return uniform(h);
}
