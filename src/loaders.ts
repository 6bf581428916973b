/**
 * Loads the tab's code. The API client's chunk is fetched in parallel with
 * the Router's: the tab's first request needs it, and fetching it only
 * when that request is made would put a chunk download between opening
 * the tab and the request.
 */
export function importTabRoutes() {
  return Promise.all([
    import('./components/tab/TabRoutes'),
    import('./api/CircleCIClient'),
  ]).then(([router]) => router);
}
