/*
 * An app rewords the plugin's texts through the translation API: the
 * pipelines tab, against the fake with a 404 injected, shows the app's
 * words for the error description (domain code) and for a button (view
 * code), with the values filled in.
 */
import { screen } from '@testing-library/react';
import { createTranslationMessages, translationApiRef } from '@backstage/core-plugin-api/alpha';
import { TestApiProvider } from '@backstage/test-utils';
import { circleCITranslationRef } from '../../../translation';
import { renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { rocketSlug } from '../../../__testUtils__/jobs';
import { translationApiWith } from '../../../__testUtils__/translation';
import { JobPage } from '../../job/JobPage';
import { TabRoutes } from './TabRoutes';

jest.setTimeout(30_000);
const ctx = setupFakeCircleCI();

const GERMAN = createTranslationMessages({
  ref: circleCITranslationRef,
  messages: {
    'errors.notFoundTitle': 'Nicht gefunden',
    'errors.notFoundMessage': 'CircleCI kennt {{subject}} nicht.',
    'pipelines.subject': 'das Projekt {{project}}',
    'common.tryAgain': 'Erneut versuchen',
  },
});

const GERMAN_JOB = createTranslationMessages({
  ref: circleCITranslationRef,
  messages: {
    'job.title': 'Aufgabe {{name}} Nr. {{number}}',
    'job.testsTab': 'Testergebnisse',
    'job.duration': 'Dauer',
    'common.openOnCircleCI': 'Auf CircleCI öffnen',
    'tests.failed': 'Fehlgeschlagen: {{count}}',
    'domain.testSummary_other': '{{count}} Tests, davon {{passed}} bestanden',
    'testOutcomes.failed': 'Rot',
  },
});

describe('translations', () => {
  it('words the job view, its tabs and the domain texts as the app says', async () => {
    const slug = rocketSlug(ctx.fake);
    const { failingJob } = ctx.fake.demo;
    await renderWithEntity({
      element: (
        <TestApiProvider apis={[[translationApiRef, translationApiWith([GERMAN_JOB])]]}>
          <JobPage projectSlug={slug} jobNumber={failingJob.jobNumber} slugs={[slug]} />
        </TestApiProvider>
      ),
      slug: slug.slug,
      routeEntries: ['/?tab=tests'],
    });
    expect(await screen.findByTestId('test-summary', {}, { timeout: 8000 })).toHaveTextContent(
      '12 Tests, davon 9 bestanden',
    );
    expect(screen.getAllByText(`Aufgabe test Nr. ${failingJob.jobNumber}`).length).toBeGreaterThan(0);
    expect(screen.getByRole('tab', { name: 'Testergebnisse' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('button', { name: 'Fehlgeschlagen: 1' })).toBeInTheDocument();
    expect(screen.getByText('Dauer')).toBeInTheDocument();
    expect(screen.getByText('Auf CircleCI öffnen').closest('a')).toHaveAttribute('href');
    expect(screen.getAllByTestId('test-result')[0].closest('tr')).toHaveTextContent('Rot');
    expect(screen.queryByText(/Open on CircleCI|tests: 9 passed/)).not.toBeInTheDocument();
  });

  it('shows the texts an app gives, with their values, instead of the English ones', async () => {
    ctx.fake.failPath({ match: /^GET v2\/project\/gh\/acme\/rocket\/pipeline/, status: 404 });
    await renderWithEntity({
      element: (
        <TestApiProvider apis={[[translationApiRef, translationApiWith([GERMAN])]]}>
          <TabRoutes />
        </TestApiProvider>
      ),
      slug: 'gh/acme/rocket',
    });
    expect(await screen.findByText(/Nicht gefunden/, {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByText('CircleCI kennt das Projekt gh/acme/rocket nicht.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeInTheDocument();
    expect(screen.queryByText(/could not find/)).not.toBeInTheDocument();
  });

  it('keeps English when the app gives no translation', async () => {
    ctx.fake.failPath({ match: /^GET v2\/project\/gh\/acme\/rocket\/pipeline/, status: 404 });
    await renderWithEntity({ element: <TabRoutes />, slug: 'gh/acme/rocket' });
    expect(
      await screen.findByText(/CircleCI could not find project gh\/acme\/rocket/, {}, { timeout: 8000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
