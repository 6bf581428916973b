import { useApi } from '@backstage/core-plugin-api';
import { circleCIApiRef } from '../../../api/CircleCIApi';

/**
 * True when the app's CircleCI client talks to the CircleCI backend plugin
 * (`circleci.backend.enabled`), the only mode in which a server checks who
 * may act. Read from the client itself, as the pipeline queries do: only a
 * backend-mode client has `listPipelinesWithWorkflows`.
 */
export function useCircleCIBackendMode(): boolean {
  const api = useApi(circleCIApiRef);
  return typeof api.listPipelinesWithWorkflows === 'function';
}
