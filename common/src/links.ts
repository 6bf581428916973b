import { toV2SlugPath, type ProjectSlug } from './slug';

const APP = 'https://app.circleci.com/pipelines';

/**
 * Links to pages on app.circleci.com, for the UI and for the backend's
 * actions alike.
 * @public
 */
export const circleCIAppLinks = {
  /** The project's pipelines. */
  project(slug: ProjectSlug): string {
    return `${APP}/${toV2SlugPath(slug)}`;
  },
  /** One pipeline. */
  pipeline(options: { slug: ProjectSlug; pipelineNumber: number }): string {
    return `${APP}/${toV2SlugPath(options.slug)}/${options.pipelineNumber}`;
  },
  /** One workflow of a pipeline. */
  workflow(options: {
    slug: ProjectSlug;
    pipelineNumber: number;
    workflowId: string;
  }): string {
    return `${circleCIAppLinks.pipeline(options)}/workflows/${encodeURIComponent(options.workflowId)}`;
  },
  /** One job of a workflow. */
  job(options: {
    slug: ProjectSlug;
    pipelineNumber: number;
    workflowId: string;
    jobNumber: number;
  }): string {
    return `${circleCIAppLinks.workflow(options)}/jobs/${options.jobNumber}`;
  },
};
