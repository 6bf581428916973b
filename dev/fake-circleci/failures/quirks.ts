/*
 * Quirks: knobs that make the fake answer the way real CircleCI has been
 * seen to answer where its own spec says otherwise. All are off by default,
 * so the fake follows the spec (with the real-world nulls the ajv test lists).
 */

/** The quirks of a fake (each `true` turns one on). */
export interface FakeQuirks {
  /** `GET /v2/me` answers `"name": null` (a user without a display name). */
  meNameNull?: boolean;
  /**
   * The job `demo.quirks.nullStatusJob` has `"status": null`, in its
   * workflow's job list and in its job details.
   */
  jobStatusNull?: boolean;
  /**
   * Successful POSTs (workflow rerun, workflow cancel, approve, job cancel,
   * pipeline trigger) answer `202 {"message": "Accepted."}` as older
   * CircleCI and CircleCI server do: no `workflow_id`, no pipeline. The
   * write itself still happens. Errors (400, 404) are unchanged.
   */
  legacyAcceptedPosts?: boolean;
  /** The workflow `demo.quirks.emptyStoppedAtWorkflow` has `"stopped_at": ""`. */
  workflowStoppedAtEmpty?: boolean;
}

/** The names of the quirks. */
export const QUIRK_NAMES: ReadonlyArray<keyof FakeQuirks> = [
  'meNameNull',
  'jobStatusNull',
  'legacyAcceptedPosts',
  'workflowStoppedAtEmpty',
];

/** The legacy answer of a successful POST (see `legacyAcceptedPosts`). */
export const LEGACY_ACCEPTED = { status: 202, body: { message: 'Accepted.' } } as const;

/** `quirks` with every quirk named and `false` where it is off. */
export function allQuirks(quirks: FakeQuirks): Required<FakeQuirks> {
  return {
    meNameNull: quirks.meNameNull === true,
    jobStatusNull: quirks.jobStatusNull === true,
    legacyAcceptedPosts: quirks.legacyAcceptedPosts === true,
    workflowStoppedAtEmpty: quirks.workflowStoppedAtEmpty === true,
  };
}

/**
 * Checks a JSON body of quirks (the server's `POST /__fake/quirks`): only
 * known names, only booleans. Returns the quirks or an error message.
 */
export function parseQuirks(body: Record<string, unknown>): FakeQuirks | string {
  const out: FakeQuirks = {};
  for (const [name, value] of Object.entries(body)) {
    if (!(QUIRK_NAMES as readonly string[]).includes(name))
      return `unknown quirk ${name}; known: ${QUIRK_NAMES.join(', ')}`;
    if (typeof value !== 'boolean') return `quirk ${name} must be true or false`;
    out[name as keyof FakeQuirks] = value;
  }
  return out;
}
