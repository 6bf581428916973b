/*
 * The body of an outbound webhook event, shaped like CircleCI's
 * outbound-webhooks reference: `id`, `type`, `happened_at`, `webhook`,
 * `project` (with the long slug, `github/org/repo`), `organization`,
 * `workflow` (with `status` on workflow events only), `pipeline`, and `job`
 * on job events.
 */

import type { Completion } from '../sim/completions';
import { v1VcsType } from '../sim/state';
import { isoMillis } from '../sim/timeline';

/** The webhook as the event names it. */
export interface WebhookIdentity {
  id: string;
  name: string;
}

/** The long slug CircleCI's webhooks use, e.g. `github/acme/rocket`. */
export function longProjectSlug(project: Completion['ref']['project']): string {
  return `${v1VcsType(project.vcs)}/${project.org}/${project.repo}`;
}

/** Builds the JSON of one event. */
export function webhookEventJson(options: {
  completion: Completion;
  /** The event's id (the receiver deduplicates on it). */
  eventId: string;
  webhook: WebhookIdentity;
}): Record<string, unknown> {
  const { completion, eventId, webhook } = options;
  const { project, pipeline, workflow } = completion.ref;
  const slug = longProjectSlug(project);
  const pipelineJson: Record<string, unknown> = {
    id: pipeline.id,
    number: pipeline.number,
    created_at: isoMillis(pipeline.createdAt),
    trigger: { type: pipeline.triggerType },
  };
  if (pipeline.vcs) {
    const vcs: Record<string, unknown> = {
      provider_name: v1VcsType(project.vcs),
      origin_repository_url: project.vcsUrl,
      target_repository_url: project.vcsUrl,
      revision: pipeline.vcs.revision,
      commit: {
        ...('subject' in pipeline.vcs.commit ? { subject: pipeline.vcs.commit.subject } : {}),
        body: pipeline.vcs.commit.body,
        author: { name: pipeline.actor.name, email: pipeline.actor.email },
        committer: { name: pipeline.actor.name, email: pipeline.actor.email },
      },
    };
    if (pipeline.vcs.branch !== undefined) vcs.branch = pipeline.vcs.branch;
    if (pipeline.vcs.tag !== undefined) vcs.tag = pipeline.vcs.tag;
    pipelineJson.vcs = vcs;
  } else {
    pipelineJson.trigger_parameters = { circleci: { event_type: pipeline.triggerType } };
  }
  const workflowJson: Record<string, unknown> = {
    id: workflow.id,
    name: workflow.name,
    created_at: isoMillis(workflow.createdAt),
    url: `https://app.circleci.com/pipelines/${slug}/${pipeline.number}/workflows/${workflow.id}`,
  };
  const event: Record<string, unknown> = {
    id: eventId,
    type: completion.type,
    happened_at: isoMillis(completion.doneAt),
    webhook,
    project: { id: project.id, name: project.name, slug },
    organization: { id: project.organizationId, name: project.organizationName },
    workflow: workflowJson,
    pipeline: pipelineJson,
  };
  if (completion.type === 'workflow-completed') {
    workflowJson.stopped_at = isoMillis(completion.doneAt);
    workflowJson.status = completion.status;
  } else if (completion.job) {
    const { job } = completion;
    event.job = {
      id: job.id,
      name: job.name,
      ...(completion.startedAt !== undefined ? { started_at: isoMillis(completion.startedAt) } : {}),
      stopped_at: isoMillis(completion.doneAt),
      status: completion.status,
      number: job.number,
    };
  }
  return event;
}
