/*
 * No raw English reaches a person through a failure: with an app's
 * translation of EVERY text of the plugin (each shown as «key»), each kind
 * of error — every reason the slug parser gives, the error classes of
 * common/ and of the domain, HTTP answers and unknown errors — renders only
 * the app's words and the values inside them. An error's own English
 * (`.message`) appears only behind the labelled "Details".
 */
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { ResponseError } from '@backstage/errors';
import { createTranslationMessages, translationApiRef } from '@backstage/core-plugin-api/alpha';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import {
  BackendPluginMissingError,
  InvalidCommitError,
  LegacyProxyTargetError,
  MalformedResponseError,
  MissingProjectError,
  RequestTimeoutError,
  parseProjectSlug,
  parseProjectSlugs,
  type InvalidProjectSlugReason,
} from '@circleci-backstage/plugin-circleci-common';
import { translationApiWith } from '../../../__testUtils__/translation';
import { describeError, InvalidJobNumberError, type CircleCIErrorKind } from '../../../domain/errors';
import type { CircleCIMessage, CircleCIMessageKey, CircleCIMessageValue } from '../../../domain/messages';
import { parseWorkflowsAnnotation } from '../../../domain/workflowScope';
import { circleCIMessages, circleCITranslationRef } from '../../../translation';
import { TabRoutes } from '../../tab/TabRoutes';
import { ErrorState } from './ErrorState';

type Tree = { readonly [key: string]: string | Tree };

/** Every key of the plugin, as `«key»` followed by the text's placeholders (so the values show too). */
function marked(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value !== 'string') {
      Object.assign(out, marked(value, key));
      continue;
    }
    const names = [...value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map(m => ` {{${m[1]}}}`);
    out[key] = `«${key}»${names.join('')}`;
  }
  return out;
}

const EVERY_TEXT = marked(circleCIMessages as unknown as Tree);

const APP = createTranslationMessages({
  ref: circleCITranslationRef,
  messages: EVERY_TEXT as Partial<Record<CircleCIMessageKey, string>>,
});

const URL_ = 'http://localhost/api/proxy/circleci/api/v2/project/gh/acme/rocket/pipeline';
const SUBJECT = 'SUBJECT';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('it did not throw');
}

function response(status: number, body: object = {}, headers: Record<string, string> = {}): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(JSON.stringify(body), { status, statusText: '', headers: { 'Content-Type': 'application/json', ...headers } }),
  );
}

/** A slug that the parser refuses for each reason. */
const SLUGS: Record<InvalidProjectSlugReason, () => unknown> = {
  empty: () => parseProjectSlug('  '),
  'annotation-empty': () => parseProjectSlugs(' , '),
  'empty-entry': () => parseProjectSlugs('gh/acme/rocket,,gh/acme/fuel'),
  segments: () => parseProjectSlug('acme/rocket'),
  provider: () => parseProjectSlug('gl/acme/rocket'),
  'org-empty': () => parseProjectSlug('gh//rocket'),
  'repo-empty': () => parseProjectSlug('gh/acme/'),
  'org-dots': () => parseProjectSlug('gh/../rocket'),
  'repo-dots': () => parseProjectSlug('gh/acme/.'),
  'org-character': () => parseProjectSlug('gh/ac me/rocket'),
  'repo-character': () => parseProjectSlug('gh/acme/rock$et'),
  'not-uuid': () => parseProjectSlug('circleci/acme/rocket'),
};

/** Each kind of error and how to make one. */
const ERRORS: Array<[string, () => unknown | Promise<unknown>]> = [
  ...Object.entries(SLUGS).map(([reason, make]): [string, () => unknown] => [`invalid-slug (${reason})`, () => thrown(make)]),
  ['invalid-commit', () => new InvalidCommitError({ value: 'nope' })],
  ['invalid-job', () => new InvalidJobNumberError({ value: 'abc' })],
  ['invalid-workflows', () => thrown(() => parseWorkflowsAnnotation('deploy,,test'))],
  ['no-project', () => new MissingProjectError()],
  ['backstage-auth', () => response(401, { error: { name: 'AuthenticationError', message: 'no token' }, response: { statusCode: 401 } })],
  ['unauthorized', () => response(401)],
  ['forbidden', () => response(403)],
  ['not-found', () => response(404)],
  ['legacy-proxy', () => new LegacyProxyTargetError()],
  ['backend-missing', () => new BackendPluginMissingError({ url: 'http://localhost/api/circleci/v2/me' })],
  ['rate-limited', () => response(429)],
  ['rate-limited (503 with Retry-After)', () => response(503, {}, { 'Retry-After': '30' })],
  ['server', () => response(502)],
  ['bad-request', () => response(400, { error: { name: 'InputError', message: 'the branch is required' } })],
  ['network', () => new TypeError('Failed to fetch')],
  ['timeout', () => new RequestTimeoutError({ url: URL_, timeoutMs: 30_000 })],
  ['malformed', () => new MalformedResponseError({ url: URL_, detail: 'unexpected data (items: Invalid input)' })],
  ['malformed (html)', () => new MalformedResponseError({ url: URL_, detail: '<html>', reason: 'html' })],
  ['aborted', () => new DOMException('The operation was aborted.', 'AbortError')],
  ['unknown', () => new Error('Something broke in a way nobody expected')],
];

/** The texts filled into a message (they are data: slugs, URLs, numbers, times). */
function values(message: CircleCIMessage | undefined): string[] {
  const out: string[] = [];
  const visit = (value: CircleCIMessageValue) => {
    if (typeof value === 'object') out.push(...values(value));
    else out.push(String(value));
  };
  for (const value of Object.values(message?.params ?? {})) visit(value);
  return out;
}

/**
 * What a person reads in `root` that is neither the app's words («key»)
 * nor a value filled into them, leaving out the detail behind "Details".
 */
function untranslated(root: HTMLElement, data: string[]): string {
  const copy = root.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[data-testid="error-details"] pre').forEach(pre => pre.remove());
  let text = copy.textContent ?? '';
  for (const value of [...data].sort((a, b) => b.length - a.length)) text = text.split(value).join(' ');
  return text.replace(/«[^»]+»/g, ' ').replace(/[\s\d:.,;"'()/?-]+/g, ' ').trim();
}

async function render(element: JSX.Element, path = '/') {
  return renderInTestApp(<TestApiProvider apis={[[translationApiRef, translationApiWith([APP])]]}>{element}</TestApiProvider>, {
    routeEntries: [path],
  });
}

describe('no raw English in a failure, with an app translation of every text', () => {
  const seen = new Set<CircleCIErrorKind>();

  it.each(ERRORS)('%s: only the app’s words, the error’s own text only behind "Details"', async (_name, make) => {
    const error = await make();
    const description = describeError(error, { subject: SUBJECT });
    seen.add(description.kind);
    const { container } = await render(<ErrorState error={error} subject={SUBJECT} onRetry={() => undefined} />);

    const shown = screen.getByTestId('error-state');
    expect(shown).toHaveAttribute('role', 'alert');
    const said = [description.title, description.message, description.hint].filter(m => m !== undefined);
    for (const m of said) expect(shown).toHaveTextContent(`«${m!.key}»`);
    expect(screen.getByRole('button', { name: '«common.tryAgain»' })).toBeInTheDocument();
    expect(screen.queryAllByText('«common.details»')).toHaveLength(description.detail ? 1 : 0);

    const data = [SUBJECT, ...said.flatMap(m => values(m))];
    expect(untranslated(container, data)).toBe('');
    // The error's own (English) message is never a sentence on the screen.
    const own = error instanceof Error && error.message ? error.message : '\u0000';
    const outsideDetails = container.cloneNode(true) as HTMLElement;
    outsideDetails.querySelectorAll('[data-testid="error-details"]').forEach(d => d.remove());
    expect(outsideDetails.textContent).not.toContain(own);
  });

  it('covers every kind describeError tells apart', () => {
    const kinds: CircleCIErrorKind[] = [
      'invalid-slug', 'invalid-commit', 'invalid-job', 'invalid-workflows', 'no-project', 'backstage-auth',
      'unauthorized', 'forbidden', 'not-found', 'legacy-proxy', 'backend-missing', 'rate-limited', 'server',
      'bad-request', 'network', 'timeout', 'malformed', 'aborted', 'unknown',
    ];
    expect([...seen].sort()).toEqual([...kinds].sort());
  });

  it.each(Object.keys(SLUGS).filter(r => r !== 'empty'))(
    'the tab explains an annotation refused for %s in the app’s words',
    async reason => {
      const annotation = {
        'annotation-empty': ' , ',
        'empty-entry': 'gh/acme/rocket,,gh/acme/fuel',
        segments: 'acme/rocket',
        provider: 'gl/acme/rocket',
        'org-empty': 'gh//rocket',
        'repo-empty': 'gh/acme/',
        'org-dots': 'gh/../rocket',
        'repo-dots': 'gh/acme/.',
        'org-character': 'gh/ac me/rocket',
        'repo-character': 'gh/acme/rock$et',
        'not-uuid': 'circleci/acme/rocket',
      }[reason]!;
      const description = describeError(thrown(() => parseProjectSlugs(annotation)));
      const { container } = await render(
        <EntityProvider entity={entity({ 'circleci.com/project-slug': annotation })}>
          <TabRoutes />
        </EntityProvider>,
      );
      expect(description.kind).toBe('invalid-slug');
      expect(screen.getByTestId('error-state')).toHaveTextContent(`«${description.message.key}»`);
      expect(untranslated(container, values(description.message))).toBe('');
    },
  );

  it.each([
    ['a job number that is not one', '/jobs/abc', '«errors.invalidJobTitle»', '«job.notANumber» abc'],
    ['a commit that is not a SHA', '/commits/xyz', '«errors.invalidCommitTitle» xyz', '«commits.invalid» xyz'],
  ])('the tab explains %s in the app’s words', async (_what, path, title, sentence) => {
    await render(
      <EntityProvider entity={entity({ 'circleci.com/project-slug': 'gh/acme/rocket' })}>
        <Routes>
          <Route path="/*" element={<TabRoutes />} />
        </Routes>
      </EntityProvider>,
      path,
    );
    const shown = screen.getByTestId('error-state');
    expect(shown).toHaveTextContent(title);
    expect(shown).toHaveTextContent(sentence);
    expect(untranslated(shown, ['abc', 'xyz'])).toBe('');
  });

  it('the tab explains a refused circleci.com/workflows annotation in the app’s words', async () => {
    await render(
      <EntityProvider entity={entity({ 'circleci.com/project-slug': 'gh/acme/rocket', 'circleci.com/workflows': 'deploy,,test' })}>
        <TabRoutes />
      </EntityProvider>,
    );
    const shown = screen.getByTestId('error-state');
    expect(shown).toHaveTextContent('«errors.invalidWorkflowsTitle»');
    expect(shown).toHaveTextContent('«workflowScope.invalid» deploy,,test');
    expect(untranslated(shown, ['deploy,,test'])).toBe('');
  });
});

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'rocket', annotations },
    spec: { type: 'service', owner: 'guest', lifecycle: 'production' },
  };
}
