/*
 * The config errors of the demo's errored pipelines, shaped like the ones
 * real CircleCI projects show: such a pipeline has `state: "errored"`, these
 * `errors` and no workflows.
 */

import type { SpecPipelineError } from '../spec/schemas';

/** CircleCI could not fetch `.circleci/config.yml` (the message real CircleCI sends). */
export const CONFIG_FETCH_ERROR: SpecPipelineError = {
  type: 'config-fetch',
  message: 'Failed to fetch config.yml file.',
};

/** The config did not compile: a job without `steps`, as CircleCI's compiler reports it. */
export const CONFIG_COMPILE_ERROR: SpecPipelineError = {
  type: 'config',
  message: [
    'ERROR IN CONFIG FILE:',
    '[#/jobs/lint] 0 subschemas matched instead of one',
    '1. [#/jobs/lint] only 1 subschema matches out of 2',
    '|   1. [#/jobs/lint] required key [steps] not found',
    '2. [#/jobs/lint] expected type: String, found: Mapping',
    '|   Job may be a string reference to another job',
  ].join('\n'),
};
