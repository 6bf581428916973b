/*
 * Pipeline definitions and `POST .../pipeline/run`, the way GitHub App,
 * GitLab and standalone (`circleci/...`) projects start a pipeline. Every
 * project has the same two definitions, with ids derived from its own.
 */

import type { SpecPipelineDefinition } from '../spec/schemas';
import { triggerPipeline, type ActionResult, type TriggerBody } from './actions';
import type { FakeState } from './state';
import type { ProjectModel } from './model';

const DEFINITIONS = [
  { name: 'build-and-test', description: 'Builds and tests every push.', file: '.circleci/config.yml' },
  { name: 'nightly', description: 'The nightly end-to-end run.', file: '.circleci/nightly.yml' },
] as const;

/** A UUID derived from a project id and an index (deterministic, v4-shaped). */
function derivedId(projectId: string, index: number): string {
  const hex = projectId.replace(/-/g, '');
  const last = ((parseInt(hex.slice(-4), 16) + index + 1) % 0x10000).toString(16).padStart(4, '0');
  const h = `${hex.slice(0, 28)}${last}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
}

/** The pipeline definitions of a project, as `GET .../pipeline-definitions` lists them. */
export function pipelineDefinitions(project: ProjectModel): SpecPipelineDefinition[] {
  return DEFINITIONS.map((d, i) => ({
    id: derivedId(project.id, i),
    name: d.name,
    description: d.description,
    created_at: new Date(Date.UTC(2025, 0, 6 + i)).toISOString(),
    config_source: { provider: 'circleci', file_path: d.file },
    checkout_source: { provider: 'circleci' },
  }));
}

/** The project whose id is `projectId`. */
export function projectById(state: FakeState, projectId: string): ProjectModel | undefined {
  return state.projects.find(p => p.id === projectId);
}

const REF_KEYS = new Set(['branch', 'tag']);
const BODY_KEYS = new Set(['definition_id', 'config', 'checkout', 'parameters']);

function refOf(value: unknown): { branch?: string; tag?: string } | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  if (entries.some(([k, v]) => !REF_KEYS.has(k) || typeof v !== 'string')) return null;
  return value as { branch?: string; tag?: string };
}

/**
 * `POST /v2/project/{provider}/{org}/{project}/pipeline/run`: checks the
 * body as the spec describes it (no unknown fields, a known definition,
 * branch or tag) and creates a pipeline as a trigger does.
 */
export function runPipeline(options: {
  state: FakeState;
  project: ProjectModel;
  body: Record<string, unknown>;
  t: number;
}): ActionResult {
  const { state, project, body, t } = options;
  const bad = (message: string): ActionResult => ({ status: 400, body: { message } });
  if (Object.keys(body).some(k => !BODY_KEYS.has(k))) return bad('Unexpected request body.');
  const definition = pipelineDefinitions(project).find(d => d.id === body.definition_id);
  if (typeof body.definition_id !== 'string') return bad('definition_id is required.');
  if (!definition) return { status: 404, body: { message: 'Pipeline definition not found.' } };
  const config = refOf(body.config);
  const checkout = refOf(body.checkout);
  if (config === null || checkout === null) return bad('Unexpected request body.');
  if ((config?.branch && config.tag) || (checkout?.branch && checkout.tag))
    return bad('branch and tag are mutually exclusive.');
  const params = body.parameters;
  if (
    params !== undefined &&
    (params === null ||
      typeof params !== 'object' ||
      Array.isArray(params) ||
      !Object.values(params).every(v => ['string', 'number', 'boolean'].includes(typeof v)))
  ) {
    return bad('Unexpected request body.');
  }
  const ref = checkout ?? config ?? { branch: project.defaultBranch };
  const trigger: TriggerBody = {
    ...(ref.tag ? { tag: ref.tag } : { branch: ref.branch ?? project.defaultBranch }),
    ...(params ? { parameters: params as TriggerBody['parameters'] } : {}),
  };
  return triggerPipeline({ state, project, body: trigger, t });
}
