/*
 * Every kind of failure reaches the user through the translation ref: with
 * an app's translation of every error text, each kind renders the app's
 * words (title, message and the values inside them) and none of the
 * English ones. An unreadable body shows a sentence, and the parser's own
 * words only behind "Details".
 */
import { screen, within } from '@testing-library/react';
import { ResponseError } from '@backstage/errors';
import { createTranslationMessages, translationApiRef } from '@backstage/core-plugin-api/alpha';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { translationApiWith } from '../../../__testUtils__/translation';
import {
  InvalidCommitError,
  LegacyProxyTargetError,
  MalformedResponseError,
  MissingProjectError,
  RequestTimeoutError,
} from '@circleci-backstage/plugin-circleci-common';
import { parseProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import type { CircleCIMessageKey } from '../../../domain/messages';
import { circleCITranslationRef } from '../../../translation';
import { actionsMessages } from '../../../translation/actions';
import { commonMessages } from '../../../translation/common';
import { errorsMessages } from '../../../translation/errors';
import { insightsMessages } from '../../../translation/insights';
import { ActionError } from '../../actions/ActionError';
import { InsightsError } from '../../insights/InsightsError';
import { ErrorState } from './ErrorState';

/** `«key»` followed by the text's placeholders, so the values show too. */
function marked(sections: Record<string, Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [section, messages] of Object.entries(sections)) {
    for (const [name, text] of Object.entries(messages)) {
      const names = [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map(m => ` {{${m[1]}}}`);
      out[`${section}.${name}`] = `«${section}.${name}»${names.join('')}`;
    }
  }
  return out;
}

const APP = createTranslationMessages({
  ref: circleCITranslationRef,
  messages: marked({
    errors: errorsMessages.errors,
    slug: errorsMessages.slug,
    actionErrors: actionsMessages.actionErrors,
    actions: actionsMessages.actions,
    commits: commonMessages.commits,
    insights: { accessTitle: insightsMessages.insights.accessTitle, accessMessage: insightsMessages.insights.accessMessage },
  }) as Partial<Record<CircleCIMessageKey, string>>,
});

const URL_ = 'http://localhost/api/proxy/circleci/api/v2/project/gh/acme/rocket/pipeline';
const PARSER_TEXT = 'unexpected data (items: Invalid input: expected array, received undefined).';

function response(status: number, body: object = {}, headers: Record<string, string> = {}): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } }),
  );
}

function slugError(): unknown {
  try {
    return parseProjectSlug('acme/rocket');
  } catch (error) {
    return error;
  }
}

async function render(element: JSX.Element) {
  await renderInTestApp(<TestApiProvider apis={[[translationApiRef, translationApiWith([APP])]]}>{element}</TestApiProvider>);
}

/** The elements whose text includes `text` (none when it is not shown). */
function withText(text: string): HTMLElement[] {
  return screen.queryAllByText((_, node) => node?.textContent?.includes(text) ?? false);
}

const KINDS: Array<[string, () => unknown | Promise<unknown>, CircleCIMessageKey[]]> = [
  ['invalid-slug', slugError, ['errors.invalidSlugTitle', 'slug.segments', 'slug.expected']],
  ['invalid-commit', () => new InvalidCommitError({ value: 'nope' }), ['errors.invalidCommitTitle', 'commits.invalid']],
  ['no-project', () => new MissingProjectError(), ['errors.noProjectTitle', 'errors.noProjectMessage']],
  [
    'backstage-auth',
    () => response(401, { error: { name: 'AuthenticationError', message: 'no token' }, response: { statusCode: 401 } }),
    ['errors.backstageAuthTitle', 'errors.backstageAuthMessage'],
  ],
  ['unauthorized', () => response(401), ['errors.unauthorizedTitle', 'errors.unauthorizedMessage']],
  ['forbidden', () => response(403), ['errors.forbiddenTitle', 'errors.forbiddenMessage']],
  ['not-found', () => response(404), ['errors.notFoundTitle', 'errors.notFoundMessage']],
  ['legacy-proxy', () => new LegacyProxyTargetError(), ['errors.legacyProxyTitle', 'errors.legacyProxyMessage']],
  ['rate-limited', () => response(429), ['errors.rateLimitedTitle', 'errors.rateLimitedMessage']],
  ['server', () => response(503), ['errors.serverTitle', 'errors.serverMessage']],
  ['bad-request', () => response(400), ['errors.badRequestTitle']],
  ['network', () => new TypeError('Failed to fetch'), ['errors.networkTitle', 'errors.networkMessage']],
  [
    'timeout',
    () => new RequestTimeoutError({ url: URL_, timeoutMs: 30_000 }),
    ['errors.timeoutTitle', 'errors.timeoutMessage'],
  ],
  [
    'malformed',
    () => new MalformedResponseError({ url: URL_, detail: PARSER_TEXT }),
    ['errors.malformedTitle', 'errors.malformedMessage'],
  ],
  [
    'aborted',
    () => new DOMException('The operation was aborted.', 'AbortError'),
    ['errors.abortedTitle', 'errors.abortedMessage'],
  ],
  ['unknown', () => new Error('boom'), ['errors.unknownTitle']],
];

describe('error texts with an app translation', () => {
  it.each(KINDS)('shows the app’s words for a %s failure', async (_kind, make, keys) => {
    await render(<ErrorState error={await make()} subject="SUBJECT" />);
    for (const key of keys) expect(withText(`«${key}»`)).not.toHaveLength(0);
    expect(screen.queryByText(/Not found|Access denied|Rate limited|Timed out|Unreadable response|Something went wrong/)).toBeNull();
  });

  it('fills the values into the app’s sentences', async () => {
    await render(<ErrorState error={await response(404)} subject="SUBJECT" />);
    expect(withText('«errors.notFoundMessage» SUBJECT')).not.toHaveLength(0);
    await render(<ErrorState error={new RequestTimeoutError({ url: URL_, timeoutMs: 30_000 })} />);
    expect(withText('«errors.timeoutMessage» 30 v2/project/gh/acme/rocket/pipeline')).not.toHaveLength(0);
  });

  it('keeps the parser’s words behind "Details" for an unreadable body', async () => {
    await render(<ErrorState error={new MalformedResponseError({ url: URL_, detail: PARSER_TEXT })} subject="SUBJECT" />);
    const sentence = screen.getByText('«errors.malformedMessage» SUBJECT v2/project/gh/acme/rocket/pipeline');
    expect(screen.getByTestId('error-state')).toHaveAttribute('role', 'alert');
    expect(sentence).not.toHaveTextContent(/Invalid input/);
    const details = screen.getByTestId('error-details');
    expect(details).not.toHaveAttribute('open');
    expect(within(details).getByText(PARSER_TEXT)).toBeInTheDocument();
  });

  it('words an action’s failure, with the action’s own word inside, as the app says', async () => {
    await render(<ActionError error={await response(403)} action="rerun-workflow" project="gh/acme/rocket" />);
    expect(withText('«actionErrors.forbiddenTitle»')).not.toHaveLength(0);
    expect(withText('«actionErrors.forbiddenMessage» «actions.rerun-workflow» gh/acme/rocket')).not.toHaveLength(0);
    await render(<ActionError error={new Error('boom')} action="cancel-job" project="gh/acme/rocket" />);
    expect(withText('«actionErrors.otherTitle» «actions.cancel-job» «errors.unknownTitle»')).not.toHaveLength(0);
  });

  it('explains refused insights as the app says', async () => {
    await render(<InsightsError error={await response(403)} project="gh/acme/rocket" />);
    expect(withText('«insights.accessTitle»')).not.toHaveLength(0);
    expect(withText('«insights.accessMessage» gh/acme/rocket 403')).not.toHaveLength(0);
  });
});
