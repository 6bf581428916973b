import { lazy, Suspense } from 'react';
import { Progress } from '@backstage/core-components';
import { importTabRoutes } from './loaders';
import type { EntityCircleCIContentProps } from './components/tab/TabRoutes';

const LazyRouter = lazy(() => importTabRoutes().then(m => ({ default: m.TabRoutes })));

/**
 * The CircleCI tab's routes, for the entity in context: `/` (pipelines),
 * `/workflows/:workflowId`, `/jobs/:jobNumber` (with `?project=` for
 * monorepos), and the classic plugin's `/:buildId`. Use it inside an
 * `EntityProvider`, or use {@link EntityCircleCIContent}, which wraps it.
 * Its code is loaded on first render, so importing it costs the entity page
 * nothing.
 * @public
 */
export function Router(props: EntityCircleCIContentProps = {}) {
  return (
    <Suspense fallback={<Progress />}>
      <LazyRouter {...props} />
    </Suspense>
  );
}
