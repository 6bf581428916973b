import { ReactNode, createContext, useContext, useMemo } from 'react';

const BaseContext = createContext<string>('');

/**
 * Builds links to the tab's own views, relative to where the tab is mounted.
 * @public
 */
export interface CircleCIPaths {
  /** The pipelines list. */
  pipelines(options?: { projectSlug?: string }): string;
  /** A workflow's jobs. */
  workflow(options: { workflowId: string }): string;
  /** A job; the project is part of the URL for monorepo entities. */
  job(options: { jobNumber: number; projectSlug?: string }): string;
}

/** Provides the tab's mount path to the views below it. */
export function CircleCIPathsProvider(props: { base: string; children: ReactNode }) {
  return <BaseContext.Provider value={props.base}>{props.children}</BaseContext.Provider>;
}

/** Links to the tab's views. */
export function useCircleCIPaths(): CircleCIPaths {
  const base = useContext(BaseContext).replace(/\/+$/, '');
  return useMemo(() => {
    const withProject = (path: string, projectSlug?: string) =>
      projectSlug ? `${path}?project=${encodeURIComponent(projectSlug)}` : path;
    return {
      pipelines: o => withProject(`${base}/`, o?.projectSlug),
      workflow: o => `${base}/workflows/${encodeURIComponent(o.workflowId)}`,
      job: o => withProject(`${base}/jobs/${o.jobNumber}`, o.projectSlug),
    };
  }, [base]);
}
