/*
 * The watch of one project's signal channel, shared by every view of the
 * app that shows the project (refcounted per query client and channel):
 * one subscription, one probe at a time, and each signal's reads done once.
 *
 * The live rule. A probe (`api.probeSignals`) goes PROBE_DELAY_MS after
 * subscribing (the signals client connects first); signals are live once
 * its answer arrives on the channel within PROBE_TIMEOUT_MS, and stay live
 * until a later probe goes unanswered. While live, a probe goes every
 * REPROBE_MS (this catches a connection that dropped: the signals client
 * reconnects by itself but says nothing). An unanswered or refused probe
 * makes signals not live (polling as without them) and the next probe waits
 * REPROBE_MS, doubling after each further miss up to MAX_REPROBE_MS, so a
 * broken signals backend costs a handful of POSTs an hour. No probe goes
 * while the page is hidden: it waits until the page is shown.
 *
 * Slower polling (`pollRule.ts`) needs more than live signals: proof that
 * CircleCI sends this project's webhooks, i.e. a completion signal on the
 * channel within the last EVIDENCE_MS. Signals reach a tab whether or not
 * anyone registered the webhook in CircleCI (or set the backend's secret);
 * without that proof the tab polls as without signals, so a project without
 * webhooks keeps today's 10 s.
 *
 * Completion signals are gathered for BATCH_MS, then their reads are done
 * at once (see `signalEffects.ts`); while the page is hidden they wait
 * until it is shown (nothing is sent while hidden).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { SignalApi, SignalSubscriber } from '@backstage/plugin-signals-react';
import { circleCISignalChannel, readCircleCISignal } from '@circleci-backstage/plugin-circleci-common';
import type { CircleCIApi } from '../api/CircleCIApi';
import { afterSignals, type CompletionSignal } from './signalEffects';
import { setSignalsLive } from './signalsLive';

/** How long after subscribing the first probe goes. */
export const PROBE_DELAY_MS = 2_000;
/** How long a probe's answer may take; later, the probe counts as unanswered. */
export const PROBE_TIMEOUT_MS = 5_000;
/** How often a probe goes while signals are live, and the first wait after a miss. */
export const REPROBE_MS = 60_000;
/** The longest wait between probes after repeated misses. */
export const MAX_REPROBE_MS = 15 * 60_000;
/** How long a completion signal proves that the project's webhooks arrive. */
export const EVIDENCE_MS = 10 * 60_000;
/**
 * How long a watch outlives its last view: moving from one view of the tab
 * to another (pipelines → workflow → job) keeps the watch, its live state
 * and its proof, instead of probing again.
 */
export const RELEASE_GRACE_MS = 5_000;
/** How long completion signals are gathered before their reads go. */
export const BATCH_MS = 100;

function hidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

function newNonce(): string {
  const random = globalThis.crypto?.randomUUID?.();
  return random ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Runs `fn` now when the page is visible, otherwise once it is shown; returns a cancel. */
function whenVisible(fn: () => void): () => void {
  if (!hidden()) {
    fn();
    return () => undefined;
  }
  const onChange = () => {
    if (hidden()) return;
    document.removeEventListener('visibilitychange', onChange);
    fn();
  };
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

class ChannelWatch {
  /** The slug texts the views use for this channel, with how many views use each. */
  readonly slugs = new Map<string, number>();
  /** Set while no view uses the watch: it stops when this fires. */
  release?: ReturnType<typeof setTimeout>;
  private subscriber?: SignalSubscriber;
  private timer?: ReturnType<typeof setTimeout>;
  private cancelWait: () => void = () => undefined;
  private nonce?: string;
  private misses = 0;
  private live = false;
  private evidence?: ReturnType<typeof setTimeout>;
  private pending: CompletionSignal[] = [];
  private batch?: ReturnType<typeof setTimeout>;
  private cancelFlushWait: () => void = () => undefined;

  constructor(
    private readonly options: { signalApi: SignalApi; api: CircleCIApi; queryClient: QueryClient; channel: string },
  ) {}

  start(): void {
    this.subscriber = this.options.signalApi.subscribe(this.options.channel, message => this.onMessage(message));
    this.schedule(PROBE_DELAY_MS);
  }

  stop(): void {
    this.subscriber?.unsubscribe();
    clearTimeout(this.timer);
    clearTimeout(this.batch);
    clearTimeout(this.evidence);
    this.evidence = undefined;
    this.cancelWait();
    this.cancelFlushWait();
    this.nonce = undefined;
    setSignalsLive({ owner: this, live: false });
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.cancelWait = whenVisible(() => this.probe());
    }, ms);
  }

  private probe(): void {
    const { api, channel } = this.options;
    if (!api.probeSignals) return;
    const nonce = newNonce();
    this.nonce = nonce;
    this.timer = setTimeout(() => this.answered({ nonce, ok: false }), PROBE_TIMEOUT_MS);
    api.probeSignals({ channel, nonce }).catch(() => this.answered({ nonce, ok: false }));
  }

  private answered(options: { nonce: string; ok: boolean }): void {
    if (options.nonce !== this.nonce) return;
    this.nonce = undefined;
    clearTimeout(this.timer);
    this.misses = options.ok ? 0 : this.misses + 1;
    this.live = options.ok;
    this.publishLive();
    this.schedule(options.ok ? REPROBE_MS : Math.min(MAX_REPROBE_MS, REPROBE_MS * 2 ** (this.misses - 1)));
  }

  private onMessage(message: unknown): void {
    const signal = readCircleCISignal(message);
    if (!signal) return;
    if (signal.kind === 'probe') {
      this.answered({ nonce: signal.nonce, ok: true });
      return;
    }
    clearTimeout(this.evidence);
    this.evidence = setTimeout(() => {
      this.evidence = undefined;
      this.publishLive();
    }, EVIDENCE_MS);
    this.publishLive();
    this.pending.push(signal);
    if (this.batch === undefined) this.batch = setTimeout(() => this.flush(), BATCH_MS);
  }

  /** Slower polling while the probe was answered and a completion came lately. */
  private publishLive(): void {
    setSignalsLive({ owner: this, live: this.live && this.evidence !== undefined });
  }

  private flush(): void {
    this.cancelFlushWait = whenVisible(() => {
      this.batch = undefined;
      const signals = this.pending.splice(0);
      afterSignals({ queryClient: this.options.queryClient, signals, slugs: [...this.slugs.keys()] });
    });
  }
}

const watches = new WeakMap<QueryClient, Map<string, ChannelWatch>>();

/** Options of {@link watchSignals}. */
export interface WatchSignalsOptions {
  /** The app's signals API. */
  signalApi: SignalApi;
  /** The app's CircleCI API; without `probeSignals` (proxy mode) nothing is watched. */
  api: CircleCIApi;
  /** The plugin's query client for it. */
  queryClient: QueryClient;
  /** The project's slug as the view writes it (its query keys use this text). */
  projectSlug: string;
}

/**
 * Watches a project's signal channel for a view (see the rule above) and
 * returns the release; the channel's watch stops RELEASE_GRACE_MS after
 * its last view released it. Does nothing for a slug without a channel, or without
 * `api.probeSignals`.
 */
export function watchSignals(options: WatchSignalsOptions): () => void {
  const { queryClient, projectSlug, api } = options;
  const channel = circleCISignalChannel({ projectSlug });
  if (!channel || !api.probeSignals) return () => undefined;
  let byChannel = watches.get(queryClient);
  if (!byChannel) {
    byChannel = new Map();
    watches.set(queryClient, byChannel);
  }
  let watch = byChannel.get(channel);
  if (!watch) {
    watch = new ChannelWatch({ ...options, channel });
    byChannel.set(channel, watch);
    watch.start();
  }
  clearTimeout(watch.release);
  watch.release = undefined;
  watch.slugs.set(projectSlug, (watch.slugs.get(projectSlug) ?? 0) + 1);
  const mine = watch;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const count = (mine.slugs.get(projectSlug) ?? 1) - 1;
    if (count > 0) mine.slugs.set(projectSlug, count);
    else mine.slugs.delete(projectSlug);
    if (mine.slugs.size > 0) return;
    clearTimeout(mine.release);
    mine.release = setTimeout(() => {
      if (mine.slugs.size > 0) return;
      mine.stop();
      if (byChannel!.get(channel) === mine) byChannel!.delete(channel);
    }, RELEASE_GRACE_MS);
  };
}
