import { useEffect, useSyncExternalStore } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { signalsLive, subscribeSignalsLive } from '../query/signalsLive';
import { useCircleCIQueryClient } from '../query/useCircleCIQueryClient';
import { watchSignals } from '../query/signalWatch';

/** Options of {@link useCircleCISignals}. */
export interface UseCircleCISignalsOptions {
  /** The projects the view shows (an entity may list several). */
  projectSlugs: readonly ProjectSlug[];
}

/** What {@link useCircleCISignals} returns. */
export interface CircleCISignalsState {
  /**
   * True while signals stand in for polling: a probe's answer arrived in
   * time and a completion signal came lately (the project's webhooks
   * arrive). Unfinished work is then polled every 30 s instead of 10 s.
   */
  live: boolean;
}

/**
 * Keeps the view up to date through CircleCI signals, when the app has the
 * signals plugin (`signalApiRef`) and talks to the backend plugin: it
 * watches each project's channel, and on a signal re-reads only what the
 * signal names (see `query/signalWatch.ts` for the live rule and
 * `query/signalEffects.ts` for the reads). Without the signals plugin, in
 * proxy mode, or while no probe's answer has arrived, nothing changes:
 * unfinished work is polled as without signals.
 */
export function useCircleCISignals(options: UseCircleCISignalsOptions): CircleCISignalsState {
  const signalApi = useApiHolder().get(signalApiRef);
  const { api, queryClient } = useCircleCIQueryClient();
  const slugs = options.projectSlugs.map(s => s.slug);
  const identity = slugs.join('\n');
  const watching = Boolean(signalApi && api.probeSignals);
  useEffect(() => {
    if (!signalApi || !api.probeSignals) return undefined;
    const releases = identity
      .split('\n')
      .filter(slug => slug !== '')
      .map(projectSlug => watchSignals({ signalApi, api, queryClient, projectSlug }));
    return () => releases.forEach(release => release());
  }, [signalApi, api, queryClient, identity]);
  const live = useSyncExternalStore(subscribeSignalsLive, signalsLive);
  return { live: watching && live };
}
