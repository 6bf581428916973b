/*
 * The JSON body of an action (or the raw body of a webhook), read by hand
 * with a size bound: no body parser is mounted, so nothing else reads or
 * trusts it.
 */
import type { Request } from 'express';
import { HttpProblem } from './respond';

/** The largest action body accepted, in bytes (CircleCI's own bodies are a few hundred). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads the whole body as bytes (a webhook's signature is made over them);
 * throws 413 once it is over `limitBytes` (the rest is drained, not kept).
 */
export async function readRawBody(options: { req: Request; limitBytes: number }): Promise<Buffer> {
  const { req, limitBytes: limit } = options;
  const tooLarge = () => new HttpProblem({ status: 413, message: `The body is larger than ${limit} bytes.` });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size <= limit) chunks.push(buffer);
  }
  if (size > limit) throw tooLarge();
  return Buffer.concat(chunks);
}

/**
 * Reads the body: undefined when empty, else a JSON object. Throws 413 over
 * `limitBytes`, 400 for anything that is not a JSON object.
 */
export async function readJsonBody(options: { req: Request; limitBytes?: number }): Promise<Record<string, unknown> | undefined> {
  const { req } = options;
  const text = (await readRawBody({ req, limitBytes: options.limitBytes ?? MAX_BODY_BYTES })).toString('utf8');
  if (text.trim() === '') return undefined;
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!/^application\/([a-z0-9.+-]*\+)?json\b/.test(type)) {
    throw new HttpProblem({ status: 400, message: 'The body must be JSON, sent with content-type application/json.' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HttpProblem({ status: 400, message: 'The body is not valid JSON.' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HttpProblem({ status: 400, message: 'The body must be a JSON object.' });
  }
  return parsed as Record<string, unknown>;
}
