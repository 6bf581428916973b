/*
 * `GET v2/project/{slug}/pipeline/mine`: the pipelines the token's user
 * triggered, for the "mine" filter of the pipelines page.
 */
import { toV2SlugPath } from '../common/slug';
import { slugOf, toPage } from './paths';
import type { ListMyPipelinesOptions } from './requestOptions';
import { pageSchema, pipelineSchema } from '../common/schemas';
import type { CircleCITransport } from './transport';
import type { Page, Pipeline } from '../common/types';

/**
 * Reads one page of the user's own pipelines of a project; the body is
 * checked like the project's pipeline list.
 */
export async function listMyPipelines(
  transport: CircleCITransport,
  options: ListMyPipelinesOptions,
): Promise<Page<Pipeline>> {
  const data = await transport.get({
    path: `v2/project/${toV2SlugPath(slugOf(options.projectSlug))}/pipeline/mine`,
    query: { 'page-token': options.pageToken },
    schema: pageSchema(pipelineSchema),
    signal: options.signal,
  });
  return toPage(data);
}
