import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { StepLog } from './StepLog';
import { API_BASE, renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { sizeLogViewer } from '../../../__testUtils__/layout';
import { demoJobNumber } from '../../../__testUtils__/jobs';

const ctx = setupFakeCircleCI();
sizeLogViewer();

function renderLog(options: {
  jobNumber: number;
  stepNumber: number;
  containerIndex?: number;
  hasOutput?: boolean;
  projectSlug?: string;
  live?: boolean;
}) {
  const projectSlug = options.projectSlug ?? ctx.fake.demo.slugs.rocket;
  return renderWithEntity({
    element: (
      <StepLog
        projectSlug={projectSlug}
        jobNumber={options.jobNumber}
        containerIndex={options.containerIndex ?? 0}
        stepNumber={options.stepNumber}
        hasOutput={options.hasOutput}
        live={options.live}
        jobUrl="https://app.circleci.com/pipelines/github/acme/rocket/1/workflows/w/jobs/1"
      />
    ),
    slug: projectSlug,
  });
}

const ESC = '\u001b';
const HOSTILE =
  `${ESC}[31mred${ESC}[0m ${ESC}]8;;javascript:alert(1)\u0007click${ESC}]8;;\u0007 ` +
  `${ESC}]0;evil title\u0007${ESC}[2J${ESC}[1;4;5mbold${ESC}[m done\n` +
  '<img src=x onerror=alert(1)> <script>alert(2)</script>\n';

describe('StepLog', () => {
  it("repairs the log viewer's markup: no stray row roles, every button named", async () => {
    const { failingJob } = ctx.fake.demo;
    await renderLog({ jobNumber: failingJob.jobNumber, stepNumber: failingJob.step });
    const viewer = await screen.findByTestId('step-log-viewer');
    await waitFor(() => expect(viewer.querySelectorAll('a[href^="#line-"]').length).toBeGreaterThan(0));
    // Search, so that the previous/next buttons appear, and select a line for the copy button.
    await userEvent.type(within(viewer).getByRole('textbox'), 'e');
    await userEvent.click(viewer.querySelector<HTMLElement>('a[href="#line-1"]')!);
    await waitFor(() => expect(viewer.querySelector('[data-testid="copy-button"]')).not.toBeNull());
    await waitFor(() => {
      expect(viewer.querySelectorAll('[role="row"]')).toHaveLength(0);
      const unnamed = [...viewer.querySelectorAll('button')].filter(
        b => !b.getAttribute('aria-label') && !b.textContent?.trim(),
      );
      expect(unnamed).toEqual([]);
    });
    expect(viewer.querySelector('a[href="#line-1"]')).toHaveAttribute('aria-label', 'Line 1');
    expect(within(viewer).getByRole('button', { name: 'Show only matching lines' })).toBeInTheDocument();
    expect(within(viewer).getByRole('button', { name: 'Next search result' })).toBeInTheDocument();
    expect(within(viewer).getByRole('button', { name: 'Copy the selected lines' })).toBeInTheDocument();
  });

  it('renders a ~200,000-line log without hanging', async () => {
    const { hugeLogJob } = ctx.fake.demo;
    const start = performance.now();
    await renderLog({ jobNumber: hugeLogJob.jobNumber, stepNumber: hugeLogJob.step });
    const viewer = await screen.findByTestId('step-log-viewer', {}, { timeout: 20_000 });
    await waitFor(() => expect(viewer).toHaveTextContent('passed (41.2m)'), { timeout: 20_000 });
    const ms = performance.now() - start;
    // Only the rows in view are in the DOM.
    expect(viewer.querySelectorAll('a[href^="#line-"]').length).toBeLessThan(100);
    expect(viewer.querySelector('a[href="#line-200000"]')).not.toBeNull();
    // eslint-disable-next-line no-console
    console.info(`200,000-line log rendered in ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(20_000);
  }, 30_000);

  it('shows the first lines of the huge log before the rest has arrived', async () => {
    const { hugeLogJob } = ctx.fake.demo;
    // The fake's answer, sent as a first chunk and then the rest once the test says so.
    let release: () => void = () => {};
    const released = new Promise<void>(resolve => {
      release = resolve;
    });
    ctx.server.use(
      http.get(`${API_BASE}/private/output/raw/*`, async ({ request }) => {
        const headers = new Headers(request.headers);
        headers.set('Circle-Token', ctx.fake.token);
        const answer = await ctx.fake.handle(new Request(request.url, { headers }), {
          basePath: new URL(API_BASE).pathname,
        });
        const bytes = new Uint8Array(await answer.arrayBuffer());
        const first = 300_000;
        const body = new ReadableStream<Uint8Array>({
          async start(controller) {
            controller.enqueue(bytes.slice(0, first));
            await released;
            for (let at = first; at < bytes.length; at += 4_000_000) {
              controller.enqueue(bytes.slice(at, at + 4_000_000));
            }
            controller.close();
          },
        });
        return new HttpResponse(body, { headers: { 'Content-Type': 'text/plain' } });
      }),
    );
    try {
      await renderLog({ jobNumber: hugeLogJob.jobNumber, stepNumber: hugeLogJob.step });
      const viewer = await screen.findByTestId('step-log-viewer', {}, { timeout: 10_000 });
      await waitFor(() => expect(viewer.querySelector('a[href^="#line-"]')).not.toBeNull(), {
        timeout: 10_000,
      });
      // The viewer follows the end of what has arrived: a line near 2,500 of 200,000.
      expect(viewer).toHaveTextContent(/scenario \d{4}/);
      expect(viewer).not.toHaveTextContent('passed (41.2m)');
      expect(viewer.querySelector('a[href="#line-200000"]')).toBeNull();
      expect(screen.getByTestId('step-log-streaming')).toHaveTextContent('Loading the rest of the log');
      expect(screen.getByRole('button', { name: /Download/ })).toBeDisabled();
    } finally {
      release();
    }
    const viewer = screen.getByTestId('step-log-viewer');
    await waitFor(() => expect(viewer).toHaveTextContent('passed (41.2m)'), { timeout: 20_000 });
    expect(viewer.querySelector('a[href="#line-200000"]')).not.toBeNull();
    expect(screen.queryByTestId('step-log-streaming')).toBeNull();
    expect(screen.getByRole('button', { name: /Download/ })).toBeEnabled();
  }, 30_000);

  it('downloads the raw text', async () => {
    const { failingJob } = ctx.fake.demo;
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:log';
    });
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const downloads: string[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        downloads.push(this.download);
      });
    try {
      await renderLog({ jobNumber: failingJob.jobNumber, stepNumber: failingJob.step });
      await userEvent.click(await screen.findByRole('button', { name: /Download/ }));
      const filename = `job-${failingJob.jobNumber}-step-${failingJob.step}-container-0.log`;
      expect(downloads).toEqual([filename]);
      const text = await blobs[0].text();
      expect(text).toContain(failingJob.failingLines[1]);
      // The raw text, colour codes included.
      expect(text).toContain(`${ESC}[31m`);
      await waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:log'));
    } finally {
      click.mockRestore();
    }
  });

  it('says when a step has no output', async () => {
    const { noOutputStep } = ctx.fake.demo;
    await renderLog({ jobNumber: noOutputStep.jobNumber, stepNumber: noOutputStep.step, hasOutput: false });
    expect(screen.getByText('This step produced no output.')).toBeInTheDocument();
    expect(ctx.fake.requests.filter(r => r.path.startsWith('private/'))).toHaveLength(0);
  });

  it('says when a step answers with an empty log', async () => {
    const { noOutputStep } = ctx.fake.demo;
    await renderLog({ jobNumber: noOutputStep.jobNumber, stepNumber: noOutputStep.step });
    expect(await screen.findByText('This step produced no output.')).toBeInTheDocument();
  });

  it('renders hostile text as inert text, keeping colours but not links or titles', async () => {
    const { failingJob } = ctx.fake.demo;
    ctx.server.use(http.get(`${API_BASE}/private/output/raw/*`, () => HttpResponse.text(HOSTILE)));
    const { container } = await renderLog({ jobNumber: failingJob.jobNumber, stepNumber: failingJob.step });
    const viewer = await screen.findByTestId('step-log-viewer');
    await waitFor(() => expect(viewer).toHaveTextContent('<img src=x onerror=alert(1)>'));
    expect(viewer).toHaveTextContent('<script>alert(2)</script>');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(viewer).toHaveTextContent(/red click\s+bold done/);
    expect(viewer).not.toHaveTextContent('javascript');
    expect(viewer).not.toHaveTextContent('evil title');
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    const styled = (name: string) =>
      [...viewer.querySelectorAll(`[class*="${name}"]`)].map(e => e.textContent).filter(Boolean);
    // The reset ends the colour: only "red" is red.
    expect(styled('modifierForegroundRed')).toEqual(['red']);
    expect(styled('modifierBold')).toEqual(['bold']);
    expect(styled('modifierUnderline')).toEqual(['bold']);
  });

  it('offers a retry for other failures', async () => {
    const { failingJob } = ctx.fake.demo;
    ctx.fake.failPath({ match: 'private/output', status: 403 });
    await renderLog({ jobNumber: failingJob.jobNumber, stepNumber: failingJob.step });
    expect(await screen.findByText(/Access denied/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /app\.circleci\.com/ })).toBeInTheDocument();
  });

  describe('while the step runs', () => {
    afterEach(() => jest.useRealTimers());

    it('re-reads the log about every 10 s and appends to it', async () => {
      jest.useFakeTimers({ advanceTimers: true });
      const { fake } = ctx;
      const newest = Math.max(...fake.state.projects[0].pipelines.map(p => p.number));
      const jobNumber = demoJobNumber({
        fake,
        projectSlug: fake.demo.slugs.rocket,
        pipelineNumber: newest,
        jobName: 'test',
      });
      await renderLog({ jobNumber, stepNumber: 104, live: true });
      const viewer = await screen.findByTestId('step-log-viewer');
      await waitFor(() => expect(viewer).toHaveTextContent('jest --ci'));
      expect(viewer).not.toHaveTextContent('Ran all test suites.');
      const reads = () => fake.requests.filter(r => r.path.includes(`/${jobNumber}/output/0/104`)).length;
      expect(reads()).toBe(1);
      for (let i = 0; i < 7; i++) {
        await act(() => jest.advanceTimersByTimeAsync(10_000));
      }
      await waitFor(() => expect(viewer).toHaveTextContent('Ran all test suites.'));
      expect(reads()).toBeGreaterThanOrEqual(6);
    }, 20_000);
  });
});
