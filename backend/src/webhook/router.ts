/*
 * The routes of CircleCI's webhooks and of the signals probe:
 * - `POST /webhook` (unauthenticated: CircleCI has no Backstage token; the
 *   signature is the check). 404 while `circleci.webhook.secret` is not set;
 *   413 over the size bound; 401 without a valid `circleci-signature`;
 *   400 for a body that is not a well-formed event. A verified completion
 *   drops the cached answers it makes wrong, then is broadcast on its
 *   project's signal channel (ids and the status only). A replayed id and
 *   an event type not acted on answer 200 and change nothing.
 * - `POST /signals/probe` (a signed-in user): publishes `{kind:'probe', nonce}`
 *   on the channel given, to that user alone, so a tab can tell whether
 *   signals reach it. 404 too while no secret is set: without webhooks no
 *   completion is ever signalled, so a tab must keep polling as before.
 */
import express from 'express';
import type { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { SignalsService } from '@backstage/plugin-signals-node';
import type { JsonObject } from '@backstage/types';
import {
  CIRCLECI_SIGNAL_CHANNEL_PREFIX,
  circleCISignalChannel,
  type CircleCISignal,
} from '@circleci-backstage/plugin-circleci-common';
import type { AnswerCache } from '../cache/answerCache';
import { readJsonBody, readRawBody } from '../routes/body';
import { HttpProblem, route } from '../routes/respond';
import { readWebhookEvent } from './event';
import { dropCompletion } from './invalidate';
import type { SeenEvents } from './seen';
import { isValidSignature, SIGNATURE_HEADER } from './signature';

/** What the webhook routes use. */
export interface WebhookRouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  /** `circleci.webhook.secret`; undefined turns the webhook route off (404). */
  secret?: string;
  answers: AnswerCache;
  seen: SeenEvents;
  signals: SignalsService;
}

/** The sentence of the 404 while no secret is configured. */
export const WEBHOOK_OFF_MESSAGE =
  'CircleCI webhooks are not configured on this Backstage instance: an admin can set circleci.webhook.secret.';

/**
 * The largest webhook body accepted, in bytes. CircleCI's events are a few
 * KB (a commit message is the largest part); 256 KB leaves a wide margin.
 */
export const MAX_WEBHOOK_BYTES = 256 * 1024;

/** The longest nonce a probe may carry. */
export const MAX_NONCE_CHARS = 64;
/** The longest channel a probe may name. */
const MAX_CHANNEL_CHARS = 512;

/** A signal as the signals service takes it: JSON, without undefined fields. */
function toJson(signal: CircleCISignal): JsonObject {
  return Object.fromEntries(Object.entries(signal).filter(([, v]) => v !== undefined)) as JsonObject;
}

function answer(res: express.Response, status: number, body: JsonObject): void {
  res.status(status).setHeader('cache-control', 'no-store');
  res.json(body);
}

/** Builds the router of `/webhook` and `/signals/probe`; other requests go on to the next router. */
export function createWebhookRouter(options: WebhookRouterOptions): express.Router {
  const { logger, httpAuth, secret, answers, seen, signals } = options;
  const router = express.Router();

  router.post(
    '/webhook',
    route(logger, async (req, res) => {
      if (!secret) {
        req.resume();
        throw new HttpProblem({ status: 404, message: WEBHOOK_OFF_MESSAGE, reason: 'webhook-off' });
      }
      const body = await readRawBody({ req, limitBytes: MAX_WEBHOOK_BYTES });
      if (!isValidSignature({ secret, body, header: req.headers[SIGNATURE_HEADER] })) {
        throw new HttpProblem({ status: 401, message: `The ${SIGNATURE_HEADER} header is missing or does not match the body.` });
      }
      const parsed = readWebhookEvent(body);
      const { id } = parsed;
      if (await seen.has(id)) {
        answer(res, 200, { result: 'duplicate', id });
        return;
      }
      if (parsed.kind === 'other') {
        logger.debug(`CircleCI webhook ${parsed.type} ${id}: not acted on`);
        answer(res, 200, { result: 'ignored', id });
        return;
      }
      const { event } = parsed;
      const { signal } = event;
      const dropped = await dropCompletion({ answers, event });
      await signals.publish({ recipients: { type: 'broadcast' }, channel: event.channel, message: toJson(signal) });
      await seen.add(id);
      const job = signal.kind === 'job-completed' && signal.jobNumber ? `, job ${signal.jobNumber}` : '';
      logger.info(
        `CircleCI webhook ${signal.kind} ${id} (workflow ${signal.workflowId}${job}, ${signal.status ?? 'no status'}): ` +
          `${dropped} cache keys dropped, signal on ${event.channel}`,
      );
      answer(res, 200, { result: 'accepted', id });
    }),
  );

  router.post(
    '/signals/probe',
    route(logger, async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
      if (!secret) {
        req.resume();
        throw new HttpProblem({ status: 404, message: WEBHOOK_OFF_MESSAGE, reason: 'webhook-off' });
      }
      if (credentials.principal.type !== 'user') {
        req.resume();
        throw new HttpProblem({ status: 403, message: 'Only a signed-in user may probe signals.' });
      }
      const body = await readJsonBody({ req });
      const channel = body?.channel;
      const nonce = body?.nonce;
      if (
        typeof channel !== 'string' ||
        channel.length > MAX_CHANNEL_CHARS ||
        !channel.startsWith(CIRCLECI_SIGNAL_CHANNEL_PREFIX) ||
        circleCISignalChannel({ projectSlug: channel.slice(CIRCLECI_SIGNAL_CHANNEL_PREFIX.length) }) !== channel
      ) {
        throw new HttpProblem({
          status: 400,
          message: `Give the channel of a project, e.g. {"channel": "${CIRCLECI_SIGNAL_CHANNEL_PREFIX}github/acme/rocket", "nonce": "…"}.`,
        });
      }
      if (typeof nonce !== 'string' || nonce === '' || nonce.length > MAX_NONCE_CHARS) {
        throw new HttpProblem({ status: 400, message: `Give a nonce: a string of 1 to ${MAX_NONCE_CHARS} characters.` });
      }
      await signals.publish({
        recipients: { type: 'user', entityRef: credentials.principal.userEntityRef },
        channel,
        message: toJson({ kind: 'probe', nonce }),
      });
      answer(res, 202, { ok: true });
    }),
  );

  return router;
}
