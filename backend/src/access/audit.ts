/*
 * The audit trail (coreServices.auditor): one event per action attempt,
 * severity `medium`, allowed or refused, with CircleCI's status; and one
 * per step-log read, severity `low`. Events hold who, which entity and
 * project, which target and what happened; never the token, a body or a
 * log's contents.
 */
import type { Request } from 'express';
import type { AuditorServiceEvent } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { callerName, type CallerCredentials, type RouteContext } from '../routes/context';
import { HttpProblem } from '../routes/respond';

/** The event ids. */
export const AUDIT_EVENTS = { action: 'action', stepLogRead: 'step-log-read' } as const;

function slugText(value: unknown): string | undefined {
  return value && typeof value === 'object' && typeof (value as ProjectSlug).slug === 'string'
    ? (value as ProjectSlug).slug
    : undefined;
}

/** What an action acts on, from its path parameters. */
export function actionTarget(options: { name: string; params: Readonly<Record<string, unknown>> }): JsonObject {
  const { name, params } = options;
  const target: JsonObject = {};
  if (typeof params.workflowId === 'string') target.workflowId = params.workflowId;
  if (typeof params.approvalRequestId === 'string') target.approvalRequestId = params.approvalRequestId;
  if (typeof params.jobNumber === 'number') target.jobNumber = params.jobNumber;
  const slug = slugText(params.projectSlug);
  if (slug) target.projectSlug = slug;
  if (name === 'approveJob' || name === 'cancelJob') target.kind = 'job';
  else if (name === 'triggerPipeline' || name === 'runPipeline') target.kind = 'pipeline';
  else target.kind = 'workflow';
  return target;
}

/** The record of one action attempt, filled in as the checks go. */
export interface ActionAudit {
  /** Adds what a check learned (entity, project). */
  note(meta: { entityRef?: string; project?: string }): void;
  /** The action was allowed and sent: CircleCI's status. */
  sent(circleciStatus: number): Promise<void>;
  /** The action was refused (or failed before CircleCI answered). */
  refused(error: unknown): Promise<void>;
}

/**
 * Starts the audit event of an action attempt (severity `medium`). Without
 * `req` (an action of the actions registry, e.g. from an AI assistant over
 * MCP) the event says `via: actions-registry`.
 */
export async function auditAction(options: {
  context: RouteContext;
  req?: Request;
  credentials: CallerCredentials;
  name: string;
  params: Readonly<Record<string, unknown>>;
}): Promise<ActionAudit> {
  const { context, req, credentials, name, params } = options;
  const learned: { entityRef?: string; project?: string } = {};
  const event: AuditorServiceEvent = await context.auditor.createEvent({
    eventId: AUDIT_EVENTS.action,
    severityLevel: 'medium',
    ...(req ? { request: req } : {}),
    meta: {
      action: name,
      actor: callerName(credentials),
      target: actionTarget({ name, params }),
      ...(req ? {} : { via: 'actions-registry' }),
    },
  });
  const known = (): JsonObject => ({
    ...(learned.entityRef ? { entityRef: learned.entityRef } : {}),
    ...(learned.project ? { project: learned.project } : {}),
  });
  return {
    note(meta) {
      Object.assign(learned, meta);
    },
    async sent(circleciStatus) {
      const meta = { ...known(), allowed: true, circleciStatus };
      if (circleciStatus >= 200 && circleciStatus < 300) await event.success({ meta });
      else await event.fail({ meta, error: new Error(`CircleCI answered ${circleciStatus}`) });
    },
    async refused(error) {
      const problem = error instanceof HttpProblem ? error : undefined;
      await event.fail({
        meta: {
          ...known(),
          allowed: false,
          ...(problem ? { status: problem.status } : {}),
          ...(problem?.reason ? { reason: problem.reason } : {}),
        },
        error: error instanceof Error ? error : new Error(String(error)),
      });
    },
  };
}

/** Starts the audit event of a step-log read (severity `low`); the log itself is never in it. */
export async function auditStepLogRead(options: {
  context: RouteContext;
  req?: Request;
  credentials: CallerCredentials;
  params: Readonly<Record<string, unknown>>;
}): Promise<AuditorServiceEvent> {
  const { context, req, credentials, params } = options;
  return context.auditor.createEvent({
    eventId: AUDIT_EVENTS.stepLogRead,
    severityLevel: 'low',
    ...(req ? { request: req } : {}),
    meta: {
      actor: callerName(credentials),
      project: slugText(params.projectSlug) ?? null,
      jobNumber: typeof params.jobNumber === 'number' ? params.jobNumber : null,
      containerIndex: typeof params.containerIndex === 'number' ? params.containerIndex : null,
      stepNumber: typeof params.stepNumber === 'number' ? params.stepNumber : null,
    },
  });
}
