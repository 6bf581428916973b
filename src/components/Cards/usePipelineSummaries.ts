import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { circleCIApiRef } from '../../api/CircleCIApi';
import type { Pipeline, Workflow } from '../../api/types';
import type { ProjectSlug } from '../../domain/slug';

/** One pipeline with its workflows, as a card shows it. */
export interface PipelineSummary {
  pipeline: Pipeline;
  workflows: Workflow[];
}

/**
 * Prototype: the newest `limit` pipelines of a project (optionally of one
 * branch), each with its workflows. One pipeline list plus one workflow list
 * per pipeline shown.
 */
export function usePipelineSummaries(options: {
  projectSlug: ProjectSlug;
  branch?: string;
  limit: number;
}): { summaries?: PipelineSummary[]; error?: Error } {
  const api = useApi(circleCIApiRef);
  const { projectSlug, branch, limit } = options;
  const [state, setState] = useState<{ summaries?: PipelineSummary[]; error?: Error }>({});
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    (async () => {
      const page = await api.listPipelines({ projectSlug, branch, signal });
      const pipelines = page.items.slice(0, limit);
      return Promise.all(
        pipelines.map(async pipeline => ({
          pipeline,
          workflows: (await api.listWorkflows({ pipelineId: pipeline.id, signal })).items,
        })),
      );
    })().then(
      summaries => !signal.aborted && setState({ summaries }),
      error => !signal.aborted && setState({ error }),
    );
    return () => controller.abort();
  }, [api, projectSlug, branch, limit]);
  return state;
}
