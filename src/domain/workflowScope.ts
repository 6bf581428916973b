/*
 * The `circleci.com/workflows` annotation: the workflows of one component
 * when a CircleCI project serves several (a monorepo).
 */
import { workflowNameTest } from './pipelineFilters';

/** The annotation naming a component's workflows: names or simple globs, comma-separated. */
export const WORKFLOWS_ANNOTATION = 'circleci.com/workflows';

/** Characters of a workflow name or glob: those of YAML keys CircleCI accepts, and `*` and `?`. */
const ITEM = /^[A-Za-z0-9_.\-/*? ]+$/;
const MAX_ITEMS = 50;
const MAX_ITEM = 100;

/** Why a `circleci.com/workflows` value was refused. */
export class InvalidWorkflowsAnnotationError extends Error {
  /** The value as written. */
  readonly value: string;
  constructor(value: string, reason: string) {
    super(`Invalid ${WORKFLOWS_ANNOTATION} annotation ${JSON.stringify(value)}: ${reason}`);
    this.name = 'InvalidWorkflowsAnnotationError';
    this.value = value;
  }
}

/** The workflows a component shows. */
export interface WorkflowScope {
  /** The names and globs, as written (trimmed). */
  patterns: string[];
  /** True for a workflow name the component shows. */
  test: (name: string) => boolean;
}

/**
 * Reads the annotation: a comma-separated list of workflow names or simple
 * globs (`deploy-*`). Throws {@link InvalidWorkflowsAnnotationError} for an
 * empty entry, a character a workflow name cannot have, or a list that is
 * too long.
 */
export function parseWorkflowsAnnotation(value: string): WorkflowScope {
  const patterns = value.split(',').map(p => p.trim());
  if (patterns.length > MAX_ITEMS) {
    throw new InvalidWorkflowsAnnotationError(value, `at most ${MAX_ITEMS} names.`);
  }
  const tests = patterns.map(pattern => {
    if (!pattern) throw new InvalidWorkflowsAnnotationError(value, 'an entry is empty.');
    if (pattern.length > MAX_ITEM || !ITEM.test(pattern)) {
      throw new InvalidWorkflowsAnnotationError(
        value,
        `"${pattern.slice(0, 40)}" is not a workflow name or a simple glob (letters, digits, "_", "-", ".", "/", "*", "?").`,
      );
    }
    return workflowNameTest(pattern)!;
  });
  return { patterns, test: name => tests.some(t => t(name)) };
}

/**
 * The workflows of a pipeline that a scope shows: those whose name it
 * accepts, or all of them (the same array) without a scope. Undefined when
 * it accepts none: the pipeline is then hidden.
 */
export function workflowsInScope<W extends { name: string }>(options: {
  workflows: W[];
  scope?: WorkflowScope;
}): W[] | undefined {
  const { workflows, scope } = options;
  if (!scope) return workflows;
  const kept = workflows.filter(w => scope.test(w.name));
  return kept.length > 0 ? kept : undefined;
}
