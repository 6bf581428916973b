/*
 * A small seeded pseudo-random number generator, so that the fake CircleCI
 * produces the same ids, revisions and timings for the same seed on every
 * run and on every platform (browser, jsdom, Node).
 */

/**
 * A deterministic source of random values.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(options: { min: number; max: number }): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A version-4 shaped UUID. */
  uuid(): string;
  /** `length` lowercase hex digits. */
  hex(length: number): string;
}

/**
 * Mixes a string into a 32-bit seed (FNV-1a), to derive independent streams
 * (for example one for the demo data and one for later mutations).
 */
export function hashSeed(options: { seed: number; salt: string }): number {
  let hash = 0x811c9dc5 ^ (options.seed >>> 0);
  for (let i = 0; i < options.salt.length; i++) {
    hash ^= options.salt.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * Creates a mulberry32 generator for a 32-bit seed.
 */
export function createRandom(options: { seed: number }): Random {
  let state = options.seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const hex = (length: number): string => {
    let out = '';
    for (let i = 0; i < length; i++) {
      out += Math.floor(next() * 16).toString(16);
    }
    return out;
  };
  return {
    next,
    int: ({ min, max }) => min + Math.floor(next() * (max - min + 1)),
    pick: items => items[Math.floor(next() * items.length)],
    hex,
    uuid: () => {
      const variant = '89ab'[Math.floor(next() * 4)];
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
    },
  };
}
