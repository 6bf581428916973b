export interface Config {
  /** Configuration for the CircleCI plugin. */
  circleci?: {
    /**
     * The path of the Backstage proxy endpoint that forwards to
     * `https://circleci.com/api` and injects the `Circle-Token` header.
     * Defaults to `/circleci/api`.
     * @visibility frontend
     */
    proxyPath?: string;
    /**
     * The CircleCI backend plugin.
     * @visibility frontend
     */
    backend?: {
      /**
       * True once @circleci-backstage/plugin-circleci-backend is installed:
       * the plugin then talks to `/api/circleci`
       * (discoveryApi.getBaseUrl('circleci')) instead of the proxy endpoint,
       * and reads the pipelines tab's first page in one request. Read when
       * the app starts, so neither mode spends a request finding out.
       * Default false (the proxy endpoint, `proxyPath`).
       * @visibility frontend
       */
      enabled?: boolean;
    };
    /**
     * Actions on CircleCI (rerun, cancel, approve, trigger). They run as the
     * user whose token the proxy holds, so they are off unless the admin
     * turns them on; the proxy endpoint must then also allow POST.
     * @visibility frontend
     */
    actions?: {
      /**
       * Shows rerun and cancel controls on workflows and jobs, and, unless
       * switched off below, approve and trigger. Default false.
       * @visibility frontend
       */
      enabled?: boolean;
      /**
       * Shows "Trigger pipeline" on the pipelines page. Default: `enabled`.
       * @visibility frontend
       */
      trigger?: boolean;
      /**
       * Shows "Approve" on approval jobs that wait. Default: `enabled`.
       * @visibility frontend
       */
      approve?: boolean;
    };
  };
}
