export interface Config {
  /** Configuration for the CircleCI plugin. */
  circleci?: {
    /**
     * The CircleCI API token the backend sends as `Circle-Token` (a personal
     * or project API token). Read it from an environment variable, e.g.
     * `token: ${CIRCLECI_AUTH_TOKEN}`. It never reaches the browser and is
     * never logged.
     * @visibility secret
     */
    token?: string;
    /**
     * The root of CircleCI's API, without a version: the backend serves the
     * same relative paths (`v2/...`, `v1.1/...`, `private/output/raw/...`).
     * Default `https://circleci.com/api`; CircleCI server users set their own,
     * e.g. `https://circleci.example.com/api`.
     */
    baseUrl?: string;
    /**
     * Actions on CircleCI (rerun, cancel, approve, trigger).
     * @visibility frontend
     */
    actions?: {
      /**
       * While false (the default) the backend answers 403 to every action
       * (POST), whoever sends it, and forwards nothing to CircleCI.
       * @visibility frontend
       */
      enabled?: boolean;
      /**
       * Whether a service principal (another backend, an external access
       * token) may act. Default false: only Backstage users act, each
       * authorized with the plugin's permissions on the entity they name.
       * When true, a service is authorized the same way, with its own
       * credentials.
       */
      allowServicePrincipals?: boolean;
    };
    /**
     * CircleCI's outbound webhooks (`workflow-completed`, `job-completed`),
     * received at `POST /api/circleci/webhook`: each verified event drops
     * the cached answers it makes wrong and tells open tabs through
     * Backstage's signals. See docs/webhooks.md.
     */
    webhook?: {
      /**
       * The webhook's signing secret, as entered in CircleCI; every event
       * must carry a valid `circleci-signature` made with it. While it is
       * not set, the route answers 404 and changes nothing (tabs poll).
       * @visibility secret
       */
      secret?: string;
    };
  };
}
