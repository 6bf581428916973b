import React from 'react';
import { Route, Routes } from 'react-router-dom';
import { MissingAnnotationEmptyState } from '@backstage/plugin-catalog-react';
import { CIRCLECI_ANNOTATION } from '../../constants';
import { useProjectSlugs } from '../../hooks/useProjectSlugs';
import { ErrorState } from '../ErrorState';
import { ProjectPipelines } from '../ProjectPipelines';

/**
 * The CircleCI tab's routes, for the entity in context. Use it inside an
 * `EntityProvider`, or use {@link EntityCircleCIContent}, which wraps it.
 * @public
 */
export function Router() {
  const result = useProjectSlugs();
  if (result.state === 'missing') {
    return <MissingAnnotationEmptyState annotation={CIRCLECI_ANNOTATION} />;
  }
  if (result.state === 'invalid') {
    return <ErrorState error={result.error} />;
  }
  return (
    <Routes>
      <Route path="/" element={<ProjectPipelines slugs={result.slugs} />} />
    </Routes>
  );
}
