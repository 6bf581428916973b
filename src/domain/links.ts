import { ProjectSlug, toV2SlugPath, vcsHostOf } from '@circleci-backstage/plugin-circleci-common';

const APP = 'https://app.circleci.com/pipelines';

/**
 * Returns the URL when it is an absolute `http:` or `https:` URL, otherwise
 * undefined. Only such URLs may become links.
 * @internal
 */
export function safeHttpUrl(url: string | null | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
      ? parsed.href
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Links to pages on app.circleci.com.
 * @internal
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

/**
 * The URL of a commit on GitHub or Bitbucket, when the slug says which.
 * @internal
 */
export function commitUrl(options: {
  slug: ProjectSlug;
  revision: string;
}): string | undefined {
  const { slug, revision } = options;
  if (!/^[0-9a-f]{7,64}$/i.test(revision)) return undefined;
  const org = encodeURIComponent(slug.org);
  const repo = encodeURIComponent(slug.repo);
  switch (vcsHostOf(slug)) {
    case 'github':
      return `https://github.com/${org}/${repo}/commit/${revision}`;
    case 'bitbucket':
      return `https://bitbucket.org/${org}/${repo}/commits/${revision}`;
    default:
      return undefined;
  }
}
