/*
 * The fake's outbound webhooks (Node only): while a target is configured,
 * a ticker looks at the simulation every `intervalMs` (250 ms) and POSTs
 * each workflow or job that completed since, as CircleCI does: JSON signed
 * with `circleci-signature: v1=<HMAC-SHA256 of the body>`. Only completions
 * after the target was set are sent. A delivery is tried at most 3 times
 * (again only after a network error or a 5xx, after 0.5 s then 1 s), one
 * event after the other.
 */

import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { FakeCircleCI } from '../fake';
import { createCompletionWatch, type Completion, type CompletionWatch } from '../sim/completions';
import { longProjectSlug, webhookEventJson } from './webhookPayload';

/** Where the events go and the secret they are signed with. */
export interface WebhookTarget {
  url: string;
  secret: string;
}

/** One event sent (or given up on). */
export interface WebhookDelivery {
  eventId: string;
  type: Completion['type'];
  /** `project.slug` of the event (long form). */
  projectSlug: string;
  workflowId: string;
  jobNumber?: number;
  /** When the work completed (fake clock). */
  completedAt: number;
  /** When the first attempt was sent and the last answer came (wall clock). */
  sentAt: number;
  answeredAt?: number;
  /** The last answer's status, or the last error. */
  status?: number;
  error?: string;
  attempts: number;
}

/** The fake's webhooks. */
export interface FakeWebhooks {
  /** Sets (or, with undefined, removes) the target; completions from now on are sent to it. */
  configure(target: WebhookTarget | undefined): void;
  /** The deliveries so far, oldest first. */
  readonly deliveries: ReadonlyArray<WebhookDelivery>;
  /** Looks for completions now (the ticker calls it) and resolves when their deliveries are done. */
  tick(): Promise<void>;
  /** Stops the ticker (deliveries in flight finish). */
  stop(): void;
}

/** The most attempts of one delivery. */
export const MAX_WEBHOOK_ATTEMPTS = 3;
const BACKOFF_MS = [500, 1000];
const TIMEOUT_MS = 5000;
/** The deliveries kept in `deliveries` (the oldest are forgotten). */
const MAX_KEPT = 1000;

function uuidOf(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function post(options: { url: string; body: string; headers: Record<string, string> }): Promise<number> {
  const url = new URL(options.url);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) },
        timeout: TIMEOUT_MS,
      },
      res => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Creates the fake's webhooks; it sends nothing until a target is configured. */
export function createFakeWebhooks(options: {
  fake: FakeCircleCI;
  target?: WebhookTarget;
  /** How often to look for completions. Default 250 ms. */
  intervalMs?: number;
  /** Told about each delivery once it is done. */
  onDelivery?: (delivery: WebhookDelivery) => void;
}): FakeWebhooks {
  const { fake } = options;
  const intervalMs = options.intervalMs ?? 250;
  const deliveries: WebhookDelivery[] = [];
  let target: WebhookTarget | undefined;
  let watch: CompletionWatch | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let queue: Promise<void> = Promise.resolve();

  const deliver = async (completion: Completion, to: WebhookTarget): Promise<void> => {
    const webhook = { id: uuidOf(`webhook ${to.url}`), name: 'fake-circleci' };
    const eventId = uuidOf(
      `${completion.type} ${completion.ref.workflow.id} ${completion.job?.id ?? ''} ${completion.doneAt}`,
    );
    const body = JSON.stringify(webhookEventJson({ completion, eventId, webhook }));
    const signature = `v1=${createHmac('sha256', to.secret).update(body).digest('hex')}`;
    const delivery: WebhookDelivery = {
      eventId,
      type: completion.type,
      projectSlug: longProjectSlug(completion.ref.project),
      workflowId: completion.ref.workflow.id,
      jobNumber: completion.job?.number,
      completedAt: completion.doneAt,
      sentAt: Date.now(),
      attempts: 0,
    };
    deliveries.push(delivery);
    if (deliveries.length > MAX_KEPT) deliveries.splice(0, deliveries.length - MAX_KEPT);
    for (;;) {
      delivery.attempts += 1;
      let retry = false;
      try {
        delivery.status = await post({
          url: to.url,
          body,
          headers: {
            'content-type': 'application/json',
            'circleci-signature': signature,
            'circleci-event-type': completion.type,
            'user-agent': 'CircleCI-Webhook/1.0 (fake)',
          },
        });
        delivery.error = undefined;
        retry = delivery.status >= 500;
      } catch (e) {
        delivery.error = String(e);
        retry = true;
      }
      if (!retry || delivery.attempts >= MAX_WEBHOOK_ATTEMPTS) break;
      await new Promise(resolve => setTimeout(resolve, BACKOFF_MS[delivery.attempts - 1] ?? 1000));
    }
    delivery.answeredAt = Date.now();
    options.onDelivery?.(delivery);
  };

  const tick = (): Promise<void> => {
    const to = target;
    if (!to || !watch) return queue;
    const found = watch.poll({ state: fake.state, t: fake.now() });
    for (const completion of found) {
      queue = queue.then(() => deliver(completion, to));
    }
    return queue;
  };

  const stop = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };

  const configure = (next: WebhookTarget | undefined) => {
    target = next;
    stop();
    watch = undefined;
    if (!next) return;
    watch = createCompletionWatch();
    watch.poll({ state: fake.state, t: fake.now() });
    timer = setInterval(() => {
      tick().catch(() => undefined);
    }, intervalMs);
    timer.unref?.();
  };

  configure(options.target);
  return { configure, deliveries, tick, stop };
}
