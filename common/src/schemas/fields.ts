/*
 * The building blocks of the response schemas.
 */
import { z } from 'zod';

/**
 * A required string.
 * @public
 */
export const str = z.string();
/**
 * A string that may be null or missing.
 * @public
 */
export const optStr = z.string().nullish();
/**
 * A number that may be null or missing.
 * @public
 */
export const optNum = z.number().nullish();
/**
 * An optional timestamp. Null, a missing field and `""` (real CircleCI has
 * sent `stopped_at: ""`) all read as "no time", so the UI shows "—".
 * @public
 */
export const optDate = z
  .string()
  .nullish()
  .transform((value): string | null | undefined => (value === '' ? null : value))
  // zod 4 makes a transformed key required in the output; it stays optional.
  .optional();
