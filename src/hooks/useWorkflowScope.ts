import { useMemo } from 'react';
import { useEntity } from '@backstage/plugin-catalog-react';
import { parseWorkflowsAnnotation, WORKFLOWS_ANNOTATION, WorkflowScope } from '../domain/workflowScope';

/** The entity's `circleci.com/workflows` scope, or why it has none. */
export type WorkflowScopeResult =
  | { state: 'none' }
  | { state: 'ok'; scope: WorkflowScope }
  | { state: 'invalid'; error: Error; value: string };

/** Reads the `circleci.com/workflows` annotation of the entity in context. */
export function useWorkflowScope(): WorkflowScopeResult {
  const { entity } = useEntity();
  const value = entity.metadata.annotations?.[WORKFLOWS_ANNOTATION];
  return useMemo(() => {
    if (value === undefined || value.trim() === '') return { state: 'none' };
    try {
      return { state: 'ok', scope: parseWorkflowsAnnotation(value) };
    } catch (error) {
      return { state: 'invalid', error: error as Error, value };
    }
  }, [value]);
}
