/*
 * A CircleCIApi that loads the real client (and its endpoint table and
 * response checks) on first use. The API factory runs when the app starts,
 * for every entity page; with this the client's code is only downloaded once
 * the CircleCI tab or a card makes a request. It lists no method: any method
 * called is forwarded to the loaded client, except the optional methods the
 * caller names as absent (known from config before anything loads, e.g.
 * `listPipelinesWithWorkflows` in proxy mode), which read as undefined.
 */
import type { CircleCIApi } from './CircleCIApi';

type Method = (options?: unknown) => Promise<unknown>;

/** Options of {@link lazyCircleCIApi}. */
export interface LazyCircleCIApiOptions {
  /**
   * Loads the client (e.g. a dynamic `import()` of it). It is called on the
   * first request; after a failure (a chunk that could not be downloaded)
   * it is called again on the next.
   */
  load: () => Promise<CircleCIApi>;
  /** Optional methods the loaded client will not have: they read as undefined. */
  absent?: ReadonlyArray<keyof CircleCIApi>;
}

/** A CircleCIApi that loads the client on its first request. */
export function lazyCircleCIApi(options: LazyCircleCIApiOptions): CircleCIApi {
  const { load } = options;
  const absent = new Set<string>(options.absent ?? []);
  let client: Promise<CircleCIApi> | undefined;
  const get = (): Promise<CircleCIApi> => {
    if (!client) {
      client = load();
      client.catch(() => {
        client = undefined;
      });
    }
    return client;
  };
  const methods = new Map<string, Method>();
  return new Proxy({} as CircleCIApi, {
    get(_, name) {
      // Not a thenable, and nothing for symbols: only method names forward.
      if (typeof name !== 'string' || name === 'then' || absent.has(name)) return undefined;
      let method = methods.get(name);
      if (!method) {
        method = async (values?: unknown) => {
          const real = (await get()) as unknown as Record<string, unknown>;
          const target = real[name];
          if (typeof target !== 'function') {
            throw new TypeError(`The CircleCI client has no method ${name}.`);
          }
          return (target as Method).call(real, values);
        };
        methods.set(name, method);
      }
      return method;
    },
  });
}
