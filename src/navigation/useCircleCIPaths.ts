import { useContext, useMemo } from 'react';
import { BasePathContext } from './BasePathContext';
import type { CircleCIPaths } from './CircleCIPaths';

/** Links to the tab's views, below the path given by `CircleCIPathsProvider`. */
export function useCircleCIPaths(): CircleCIPaths {
  const base = useContext(BasePathContext).replace(/\/+$/, '');
  return useMemo(() => {
    const withProject = (path: string, projectSlug?: string) =>
      projectSlug ? `${path}?project=${encodeURIComponent(projectSlug)}` : path;
    return {
      pipelines: o => withProject(`${base}/`, o?.projectSlug),
      workflow: o => `${base}/workflows/${encodeURIComponent(o.workflowId)}`,
      job: o => withProject(`${base}/jobs/${o.jobNumber}`, o.projectSlug),
      commit: o =>
        `${base}/commits/${encodeURIComponent(o.revision)}${
          o.branch ? `?branch=${encodeURIComponent(o.branch)}` : ''
        }`,
      insights: o => withProject(`${base}/insights`, o?.projectSlug),
    };
  }, [base]);
}
