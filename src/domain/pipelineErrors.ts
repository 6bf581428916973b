/*
 * Why a pipeline failed before any workflow ran. CircleCI lists the
 * reasons in the pipeline's `errors`, each with a type; a config error
 * (`config`, `config-fetch`) is the most common failure a user meets.
 */
import type { Pipeline } from '@circleci-backstage/plugin-circleci-common';
import { type CircleCIMessage, type CircleCIMessageKey, msg } from './messages';
import { stripControl } from './text';

/**
 * One reason a pipeline failed, ready to show.
 */
export interface PipelineErrorText {
  /** CircleCI's type, e.g. `config-fetch`. */
  type: string;
  /** The type for a person, e.g. `Config error`. */
  label: CircleCIMessage;
  /** CircleCI's message, e.g. `Failed to fetch config.yml file.` (or why there is none). */
  message: string | CircleCIMessage;
  /** Label and message in one line: `Config error: Failed to fetch config.yml file.` */
  text: CircleCIMessage;
}

/** The labels of the error types CircleCI documents. */
const LABELS: Record<string, CircleCIMessageKey> = {
  config: 'pipelineErrors.config',
  'config-fetch': 'pipelineErrors.config',
  timeout: 'pipelineErrors.timeout',
  permission: 'pipelineErrors.permission',
  plan: 'pipelineErrors.plan',
  other: 'pipelineErrors.other',
};

/** The label of a pipeline error type; an unknown type is shown as it is. */
export function pipelineErrorLabel(type: string): CircleCIMessage {
  const clean = stripControl(type).trim();
  if (Object.prototype.hasOwnProperty.call(LABELS, clean)) return { key: LABELS[clean] };
  return clean ? msg('pipelineErrors.named', { type: clean }) : msg('pipelineErrors.other');
}

/** True when CircleCI gives reasons why the pipeline failed, or marks it errored. */
export function hasPipelineErrors(pipeline: Pick<Pipeline, 'state' | 'errors'>): boolean {
  return (pipeline.errors?.length ?? 0) > 0 || pipeline.state === 'errored';
}

/**
 * The reasons a pipeline failed, as CircleCI gives them. An `errored`
 * pipeline without any reason says so, rather than nothing.
 */
export function pipelineErrors(pipeline: Pick<Pipeline, 'state' | 'errors'>): PipelineErrorText[] {
  const errors = (pipeline.errors ?? []).map(error => {
    const type = stripControl(error.type).trim();
    const label = pipelineErrorLabel(type);
    const message = stripControl(error.message).trim();
    return { type, label, message, text: message ? msg('pipelineErrors.line', { label, message }) : label };
  });
  if (errors.length === 0 && pipeline.state === 'errored') {
    const message = msg('pipelineErrors.noReason');
    const label = msg('pipelineErrors.other');
    return [{ type: '', label, message, text: msg('pipelineErrors.line', { label, message }) }];
  }
  return errors;
}
