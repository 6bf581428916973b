/*
 * Helpers for the tests of live updates through signals (backend mode):
 * the tab (or another element) rendered with the real client against the
 * fake backend plugin, and optionally a test double of Backstage's signals
 * API, which the fake backend answers probes on.
 */
import { ReactElement } from 'react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { circleCISignalChannel, type CircleCISignal } from '@circleci-backstage/plugin-circleci-common';
import { circleCIApiRef } from '../api/CircleCIApi';
import { PROBE_DELAY_MS, RELEASE_GRACE_MS } from '../query/signalWatch';
import { TabRoutes } from '../components/tab/TabRoutes';
import { createTestClient, entityWith, type setupFakeCircleCI } from './setup';
import type { TestSignalApi } from './signals';
import { advance, settle } from './timers';

/** The project of these tests. */
export const ROCKET = 'gh/acme/rocket';
/** Its signal channel. */
export const CHANNEL = circleCISignalChannel({ projectSlug: ROCKET })!;
/** A probe, as the fake backend logs it. */
export const PROBE = 'POST signals/probe';

/** A completion signal (a fresh event id, status `success`). */
export function completion(options: {
  kind: 'workflow-completed' | 'job-completed';
  workflowId: string;
  pipelineId: string;
  jobNumber?: number;
  pipelineNumber?: number;
}): CircleCISignal {
  return { eventId: `evt-${Math.random()}`, status: 'success', ...options } as CircleCISignal;
}

/** Unmounts a view and lets its watches stop (they outlive their last view by a grace period). */
export async function unmountAndRelease(unmount: () => void): Promise<void> {
  unmount();
  await advance(RELEASE_GRACE_MS);
}

/** Past the first probe and its answer. */
export async function pastTheProbe(): Promise<void> {
  await advance(PROBE_DELAY_MS + 1000);
  await settle();
}

/** The helpers bound to the file's fake (`setupFakeCircleCI({ backend: true })`). */
export function signalsTabHelpers(ctx: ReturnType<typeof setupFakeCircleCI>) {
  /** The tab at `route`, with the signals API `signals` (none: the app has no signals plugin). */
  async function renderTab(options: {
    route?: string;
    signals?: TestSignalApi;
    answerProbes?: boolean;
    element?: ReactElement;
    /** The client (default: a new one, so a new query client). */
    client?: ReturnType<typeof createTestClient>;
  }) {
    const { signals, answerProbes = true } = options;
    if (signals && answerProbes) {
      ctx.backend.answerProbes(p => signals.publish(p.channel, { kind: 'probe', nonce: p.nonce }));
    }
    const client = options.client ?? createTestClient({ backend: true });
    const apis: Parameters<typeof TestApiProvider>[0]['apis'] = signals
      ? [
          [circleCIApiRef, client],
          [signalApiRef, signals],
        ]
      : [[circleCIApiRef, client]];
    return renderInTestApp(
      <TestApiProvider apis={apis}>
        <EntityProvider entity={entityWith(ROCKET)}>
          {options.element ?? <TabRoutes />}
        </EntityProvider>
      </TestApiProvider>,
      { routeEntries: [options.route ?? '/'] },
    );
  }

  /** The newest workflow of a rocket pipeline, with its pipeline id. */
  function workflowOf(pipelineNumber: number): { workflowId: string; pipelineId: string } {
    const workflowId = ctx.fake.findWorkflow({ projectSlug: ROCKET, pipelineNumber })!;
    const pipeline = ctx.fake.state.projects
      .flatMap(p => p.pipelines)
      .find(p => p.workflows.some(w => w.id === workflowId))!;
    return { workflowId, pipelineId: pipeline.id };
  }

  /** The browser's requests since `from`, without probes. */
  function readsSince(from: number): string[] {
    return ctx.backend.requests.slice(from).filter(r => r !== PROBE);
  }

  return { renderTab, workflowOf, readsSince };
}
