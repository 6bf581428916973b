import { ResponseError } from '@backstage/errors';
import { english } from '../__testUtils__/english';
import {
  BackendPluginMissingError,
  InvalidCommitError,
  MalformedResponseError,
  MissingProjectError,
  RequestTimeoutError,
} from '@circleci-backstage/plugin-circleci-common';
import { parseProjectSlug, parseProjectSlugs } from '@circleci-backstage/plugin-circleci-common';
import { describeError, describeStaleData } from './errors';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

const FLAKY_URL = 'http://localhost:7007/api/proxy/circleci/api/v2/insights/gh/acme/rocket/flaky-tests?branch=main';

describe('describeError', () => {
  it.each([
    ['acme/rocket', 'slug.segments', 'The project slug "acme/rocket" does not have three parts separated by "/".'],
    ['xx/acme/rocket', 'slug.provider', 'names the provider "xx", which the plugin does not know'],
    ['gh/acme/rock et', 'slug.repoCharacter', 'The repository "rock et" of the project slug "gh/acme/rock et" contains " "'],
    ['gh/../rocket', 'slug.orgDots', 'The organisation of the project slug "gh/../rocket" is "..", which is not allowed.'],
    ['gh//rocket', 'slug.orgEmpty', 'The organisation of the project slug "gh//rocket" is empty.'],
    ['circleci/acme/rocket', 'slug.notUuid', 'must be UUIDs'],
  ])('says what is wrong with the slug %j in a translatable sentence', (slug, key, text) => {
    const d = describeError(thrownBy(() => parseProjectSlug(slug)));
    expect(d.kind).toBe('invalid-slug');
    expect(d.message.key).toBe(key);
    expect(english(d.message)).toContain(text);
    expect(english(d.title)).toBe('Invalid project slug');
    expect(english(d.hint!)).toMatch(/^Write it as "provider\/org\/repo"/);
  });

  it('tells an empty annotation from an empty entry of its list', () => {
    expect(describeError(thrownBy(() => parseProjectSlugs(' '))).message.key).toBe('slug.annotationEmpty');
    expect(describeError(thrownBy(() => parseProjectSlugs('gh/a/b,,gh/a/c'))).message.key).toBe('slug.emptyEntry');
  });

  it('names the request an unreadable body answered, and keeps the parser text for the details only', () => {
    const detail = 'unexpected data (flaky-tests: Invalid input: expected array, received undefined).';
    const d = describeError(new MalformedResponseError({ url: FLAKY_URL, detail }), {
      subject: 'the insights of gh/acme/rocket',
    });
    expect(d.kind).toBe('malformed');
    expect(english(d.title)).toBe('Unreadable response');
    expect(english(d.message)).toBe(
      "CircleCI's answer for the insights of gh/acme/rocket could not be read (request v2/insights/gh/acme/rocket/flaky-tests).",
    );
    expect(english(d.message)).not.toMatch(/Invalid input/);
    expect(d.detail).toBe(detail);
  });

  it('says when the body was a web page, such as a proxy sign-in page', () => {
    const error = new MalformedResponseError({ url: FLAKY_URL, detail: 'expected JSON', reason: 'html' });
    expect(english(describeError(error).message)).toBe(
      "CircleCI's answer for this resource was a web page, not data (request v2/insights/gh/acme/rocket/flaky-tests). A sign-in page of a corporate proxy may be in the way.",
    );
  });

  it('words a timeout, a server error and a refused request as whole sentences', async () => {
    const timeout = describeError(new RequestTimeoutError({ url: FLAKY_URL, timeoutMs: 30_000 }));
    expect(english(timeout.message)).toBe(
      'CircleCI did not answer within 30 s (request v2/insights/gh/acme/rocket/flaky-tests).',
    );
    const named = await ResponseError.fromResponse(new Response('{}', { status: 502, statusText: 'Bad Gateway' }));
    expect(english(describeError(named).message)).toBe(
      'CircleCI or the proxy answered HTTP 502 Bad Gateway. This is usually temporary: try again in a moment.',
    );
    const bare = await ResponseError.fromResponse(new Response('{}', { status: 503 }));
    expect(english(describeError(bare).message)).toBe(
      'CircleCI or the proxy answered HTTP 503. This is usually temporary: try again in a moment.',
    );
    const refused = describeError(await ResponseError.fromResponse(new Response('{}', { status: 422 })), {
      subject: 'project gh/acme/rocket',
    });
    expect(english(refused.title)).toBe('Request failed (HTTP 422)');
    expect(english(refused.message)).toBe('CircleCI or the proxy refused the request for project gh/acme/rocket (HTTP 422).');
    expect(refused.detail).toMatch(/422/);
  });

  it('explains an invalid commit and a missing project', () => {
    const commit = describeError(new InvalidCommitError({ value: 'nope' }));
    expect(commit.kind).toBe('invalid-commit');
    expect(english(commit.title)).toBe('"nope" is not a commit SHA');
    expect(english(describeError(new MissingProjectError()).message)).toMatch(/circleci.com\/project-slug/);
  });

  it('keeps the text of an error it does not know for the details, not the sentence', () => {
    const d = describeError(new Error('boom at line 3'));
    expect(d.kind).toBe('unknown');
    expect(english(d.title)).toBe('Something went wrong');
    expect(english(d.message)).not.toMatch(/boom/);
    expect(d.detail).toBe('boom at line 3');
  });
});

describe('backend mode', () => {
  const clock = (date: Date) =>
    `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;

  it('says a 503 with Retry-After (the backend during a rate limit, nothing cached) is a wait until a time', async () => {
    const before = Date.now();
    const error = await ResponseError.fromResponse(
      new Response('{"message":"CircleCI is rate-limiting"}', {
        status: 503,
        statusText: 'Service Unavailable',
        headers: { 'retry-after': '120', 'content-type': 'application/json' },
      }),
    );
    const d = describeError(error);
    expect(d.kind).toBe('rate-limited');
    expect(d.status).toBe(503);
    expect(d.retryAt!.getTime()).toBeGreaterThanOrEqual(before + 120_000);
    expect(english(d.title)).toBe('Try again later');
    expect(english(d.message)).toBe(
      `CircleCI cannot be asked right now (it is rate-limiting, or briefly unavailable) and no earlier answer is kept: retry at ${clock(d.retryAt!)}.`,
    );
  });

  it('says what to install or set when the backend plugin is missing', () => {
    const d = describeError(new BackendPluginMissingError({ url: 'http://localhost:7007/api/circleci/pipelines' }));
    expect(d.kind).toBe('backend-missing');
    expect(english(d.title)).toBe('CircleCI backend plugin not installed');
    expect(english(d.message)).toMatch(/@circleci-backstage\/plugin-circleci-backend/);
    expect(english(d.message)).toMatch(/circleci.backend.enabled to false/);
    expect(d.detail).toBe('http://localhost:7007/api/circleci/pipelines');
  });

  it('words the notice over stale data with the time it was stored', () => {
    const storedAt = new Date(2030, 0, 2, 9, 5);
    expect(english(describeStaleData({ storedAt }))).toBe('CircleCI is rate-limiting; showing data from 09:05');
  });
});
