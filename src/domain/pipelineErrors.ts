/*
 * Why a pipeline failed before any workflow ran. CircleCI lists the
 * reasons in the pipeline's `errors`, each with a type; a config error
 * (`config`, `config-fetch`) is the most common failure a user meets.
 */
import type { Pipeline } from '../common/types';
import { type CircleCITranslate, englishTranslate } from './messages';
import { stripControl } from './text';

/**
 * One reason a pipeline failed, ready to show.
 */
export interface PipelineErrorText {
  /** CircleCI's type, e.g. `config-fetch`. */
  type: string;
  /** The type for a person, e.g. `Config error`. */
  label: string;
  /** CircleCI's message, e.g. `Failed to fetch config.yml file.` */
  message: string;
  /** Label and message in one line: `Config error: Failed to fetch config.yml file.` */
  text: string;
}

/** The labels of the error types CircleCI documents. */
const LABELS: Record<string, string> = {
  config: 'domain.pipelineErrorConfig',
  'config-fetch': 'domain.pipelineErrorConfig',
  timeout: 'domain.pipelineErrorTimeout',
  permission: 'domain.pipelineErrorPermission',
  plan: 'domain.pipelineErrorPlan',
  other: 'domain.pipelineError',
};

/** The label of a pipeline error type; an unknown type is shown as it is. */
export function pipelineErrorLabel(
  type: string,
  translate: CircleCITranslate = englishTranslate,
): string {
  const clean = stripControl(type).trim();
  if (Object.prototype.hasOwnProperty.call(LABELS, clean)) return translate(LABELS[clean]);
  return clean
    ? translate('domain.pipelineErrorNamed', { type: clean })
    : translate('domain.pipelineError');
}

/** True when CircleCI gives reasons why the pipeline failed, or marks it errored. */
export function hasPipelineErrors(pipeline: Pick<Pipeline, 'state' | 'errors'>): boolean {
  return (pipeline.errors?.length ?? 0) > 0 || pipeline.state === 'errored';
}

/**
 * The reasons a pipeline failed, as CircleCI gives them. An `errored`
 * pipeline without any reason says so, rather than nothing.
 */
export function pipelineErrors(
  pipeline: Pick<Pipeline, 'state' | 'errors'>,
  translate: CircleCITranslate = englishTranslate,
): PipelineErrorText[] {
  const errors = (pipeline.errors ?? []).map(error => {
    const type = stripControl(error.type).trim();
    const label = pipelineErrorLabel(type, translate);
    const message = stripControl(error.message).trim();
    return { type, label, message, text: message ? `${label}: ${message}` : label };
  });
  if (errors.length === 0 && pipeline.state === 'errored') {
    const message = translate('domain.pipelineErrorNoReason');
    const label = translate('domain.pipelineError');
    return [{ type: '', label, message, text: `${label}: ${message}` }];
  }
  return errors;
}
