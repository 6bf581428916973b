/*
 * CircleCI's webhook signature: the header `circleci-signature` is a
 * comma-separated list such as `v1=<hex>`, where v1 is the HMAC-SHA256 of
 * the raw body keyed with the webhook's signing secret. Any v1 entry may
 * match (a list can carry several); other versions are ignored.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header CircleCI signs its webhook requests with. */
export const SIGNATURE_HEADER = 'circleci-signature';

const V1 = /^v1=([0-9a-f]{64})$/i;

/** The v1 signature of a body: `v1=<hex>`. */
export function signBody(options: { secret: string; body: Buffer | string }): string {
  return `v1=${createHmac('sha256', options.secret).update(options.body).digest('hex')}`;
}

/**
 * Whether `header` holds a v1 signature of `body` made with `secret`;
 * compared in constant time. False for a missing or malformed header.
 */
export function isValidSignature(options: {
  secret: string;
  body: Buffer;
  header: string | string[] | undefined;
}): boolean {
  const { secret, body } = options;
  const header = Array.isArray(options.header) ? options.header.join(',') : options.header;
  if (!header || header.length > 4096) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  let valid = false;
  for (const entry of header.split(',')) {
    const match = V1.exec(entry.trim());
    if (!match) continue;
    // Every entry is compared, so the time taken does not tell which one matched.
    if (timingSafeEqual(Buffer.from(match[1], 'hex'), expected)) valid = true;
  }
  return valid;
}
