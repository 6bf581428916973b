/*
 * `circleci:get-pipelines`: a project's newest pipelines with their
 * workflows and statuses, read as the caller through the shared cache.
 */
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import type { RouteContext } from '../routes/context';
import { createLimiter } from '../upstream/limiter';
import { callerOf, projectOf, readJson } from './access';
import { named } from './errors';
import { appLinks, clip, summarizeWorkflow, workflowShape, type WorkflowSummary, type Zod } from './shapes';

/** The most pipelines one call answers (one page of CircleCI's list). */
export const MAX_PIPELINES = 20;

const input = (z: Zod) =>
  z.object({
    entityRef: z
      .string()
      .max(512)
      .optional()
      .describe('The catalog entity whose CircleCI project to read, e.g. component:default/rocket. Preferred.'),
    projectSlug: z
      .string()
      .max(512)
      .optional()
      .describe('The project, e.g. gh/acme/rocket, when no entity is named (a catalog entity you can see must name it).'),
    branch: z.string().max(256).optional().describe('Only the pipelines of this branch.'),
    limit: z.number().int().min(1).max(MAX_PIPELINES).optional().describe('How many pipelines, newest first (default 5).'),
  });

const output = (z: Zod) =>
  z.object({
    project: z.string(),
    entityRef: z.string().optional(),
    pipelines: z.array(
      z.object({
        id: z.string().describe('The pipeline id (for get-failure-logs).'),
        number: z.number(),
        state: z.string().describe('Setup state: created, errored, setup-pending, …; the result is in the workflows.'),
        createdAt: z.string(),
        branch: z.string().optional(),
        tag: z.string().optional(),
        revision: z.string().optional(),
        commitSubject: z.string().optional(),
        triggeredBy: z.string().optional(),
        errors: z.array(z.string()).describe('Why setup failed (config errors), for an errored pipeline.'),
        url: z.string(),
        workflows: z.array(workflowShape(z)).nullable().describe('null when the workflow list could not be read.'),
      }),
    ),
    hasMore: z.boolean().describe('Whether older pipelines exist beyond this answer.'),
  });

async function workflowsOf(options: {
  context: RouteContext;
  credentials: Parameters<typeof readJson>[0]['credentials'];
  slug: ProjectSlug;
  pipelineId: string;
}): Promise<WorkflowSummary[] | null> {
  try {
    const page = await readJson({
      ...options,
      name: 'listWorkflows',
      values: { pipelineId: options.pipelineId },
      about: `the workflows of pipeline ${options.pipelineId}`,
      projectChecked: true,
    });
    return page.items.map(workflow => summarizeWorkflow({ slug: options.slug, workflow }));
  } catch {
    return null;
  }
}

/** Registers the action. */
export function registerGetPipelines(options: { registry: ActionsRegistryService; context: RouteContext }): void {
  const { registry, context } = options;
  registry.register({
    name: 'get-pipelines',
    title: 'Get CircleCI pipelines',
    description:
      'Lists the newest CircleCI pipelines of a catalog entity (or project slug) with each pipeline\'s workflows ' +
      'and their statuses, newest first. Use it to answer "is main green?" or to find the id of a failed workflow ' +
      'or pipeline, then call get-workflow or get-failure-logs with that id. Only projects named by a catalog ' +
      'entity you can see are readable.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: { input, output },
    examples: [
      {
        title: 'The last 3 pipelines of main',
        input: { entityRef: 'component:default/rocket', branch: 'main', limit: 3 },
      },
    ],
    action: async ({ input: args, credentials: raw }) =>
      named(context.logger, async () => {
        const credentials = callerOf(raw);
        const { slug, entityRef } = await projectOf({ context, credentials, ...args });
        const page = await readJson({
          context,
          credentials,
          name: 'listPipelines',
          values: { projectSlug: slug, branch: args.branch },
          about: `the pipelines of ${slug.slug}`,
        });
        const limit = args.limit ?? 5;
        const limiter = createLimiter({ max: 5 });
        const pipelines = await Promise.all(
          page.items.slice(0, limit).map(p =>
            limiter.run(async () => ({
              id: p.id,
              number: p.number,
              state: p.state,
              createdAt: p.created_at,
              ...(p.vcs?.branch ? { branch: p.vcs.branch } : {}),
              ...(p.vcs?.tag ? { tag: p.vcs.tag } : {}),
              ...(p.vcs?.revision ? { revision: p.vcs.revision.slice(0, 12) } : {}),
              ...(p.vcs?.commit?.subject ? { commitSubject: clip(p.vcs.commit.subject, 200) } : {}),
              ...(p.trigger?.actor?.login ? { triggeredBy: p.trigger.actor.login } : {}),
              errors: p.errors.map(e => clip(`${e.type}: ${e.message}`, 500) ?? e.type),
              url: appLinks.pipeline({ slug, pipelineNumber: p.number }),
              workflows: await workflowsOf({ context, credentials, slug, pipelineId: p.id }),
            })),
          ),
        );
        return {
          output: {
            project: slug.slug,
            ...(entityRef ? { entityRef } : {}),
            pipelines,
            hasMore: page.items.length > limit || Boolean(page.next_page_token),
          },
        };
      }),
  });
}
