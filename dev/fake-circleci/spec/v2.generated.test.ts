/**
 * @jest-environment node
 */

/*
 * The checked-in `v2.generated.ts` is what openapi-typescript makes of the
 * current OpenAPI subset. When this fails, run `npm run fake:types`.
 */

import { readFileSync } from 'node:fs';
import { GENERATED_PATH, generateV2Types, withNullable } from './generate-types';

describe('v2.generated.ts', () => {
  it('is up to date with circleci-api-v2.subset.openapi.json (else: npm run fake:types)', async () => {
    const checkedIn = readFileSync(GENERATED_PATH, 'utf8');
    const fresh = await generateV2Types();
    expect(fresh.length).toBeGreaterThan(10_000);
    const a = checkedIn.split('\n');
    const b = fresh.split('\n');
    const line = a.findIndex((text, i) => text !== b[i]);
    const stale =
      checkedIn === fresh
        ? undefined
        : `line ${(line === -1 ? a.length : line) + 1}: checked in ${JSON.stringify(a[line])}, generated ${JSON.stringify(b[line === -1 ? a.length : line])}`;
    expect(stale).toBeUndefined();
  });

  it('reads x-nullable as nullable, so the types allow null where the spec means it', async () => {
    expect(withNullable({ a: { type: 'string', 'x-nullable': true }, b: [{ 'x-nullable': false }] }))
      .toEqual({ a: { type: 'string', nullable: true }, b: [{}] });
    const fresh = await generateV2Types();
    expect(fresh).toContain('avatar_url: string | null;');
  });
});
