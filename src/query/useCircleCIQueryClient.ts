import { useApi } from '@backstage/core-plugin-api';
import type { QueryClient } from '@tanstack/react-query';
import { circleCIApiRef } from '../api/CircleCIApi';
import type { CircleCIApi } from '../api/CircleCIApi';
import { queryClientFor } from './queryClient';

/**
 * The CircleCI API of the app and the plugin's query client for it. Every
 * hook that loads data uses this pair, so they share requests and values.
 */
export function useCircleCIQueryClient(): { api: CircleCIApi; queryClient: QueryClient } {
  const api = useApi(circleCIApiRef);
  return { api, queryClient: queryClientFor(api) };
}
