/*
 * Compares a v1.1 build details body with a real response: the same
 * top-level keys, the same keys on every step action, and values of the same
 * kind wherever the sample has a non-null value.
 */

type V1Sample = { steps: Array<{ actions: Array<Record<string, unknown>> }> } & Record<
  string,
  unknown
>;

/** `null` (also for undefined), `array`, or the `typeof` of a value. */
export function kind(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** Problems of a v1.1 build details body compared with the real sample (same keys, same value kinds). */
export function v1Problems(options: { body: Record<string, unknown>; sample: unknown }): string[] {
  const { body } = options;
  const sample = options.sample as V1Sample;
  const sampleActions = sample.steps.flatMap(s => s.actions);
  const sampleActionKeys = Object.keys(sampleActions[0]).sort().join(',');
  const sampleTopKeys = Object.keys(sample).sort().join(',');
  const sampleActionKinds = new Map(
    Object.keys(sampleActions[0]).map(key => [
      key,
      new Set(sampleActions.map(a => kind(a[key])).filter(k => k !== 'null')),
    ]),
  );
  const problems: string[] = [];
  if (Object.keys(body).sort().join(',') !== sampleTopKeys)
    problems.push('top-level keys differ from the sample');
  for (const [key, value] of Object.entries(sample)) {
    if (value !== null && body[key] !== null && kind(body[key]) !== kind(value))
      problems.push(`${key} is ${kind(body[key])}`);
  }
  const steps = body.steps as Array<{ name: string; actions: Array<Record<string, unknown>> }>;
  for (const step of steps) {
    if (Object.keys(step).sort().join(',') !== 'actions,name')
      problems.push(`step ${step.name} keys`);
    for (const action of step.actions) {
      if (Object.keys(action).sort().join(',') !== sampleActionKeys)
        problems.push(`action keys of ${step.name}`);
      for (const [key, kinds] of sampleActionKinds) {
        if (action[key] !== null && kinds.size > 0 && !kinds.has(kind(action[key])))
          problems.push(`action.${key} is ${kind(action[key])}`);
      }
    }
  }
  return problems;
}
