/*
 * The typed key/value rows of the trigger dialog, checked and turned into
 * pipeline parameters. No React and no I/O.
 */

import { type CircleCIMessage, msg } from './messages';

/** The types a pipeline parameter row can have. */
export type ParameterType = 'string' | 'boolean' | 'integer';

/** One row of the trigger dialog. */
export interface ParameterRow {
  /** The parameter's name. */
  name: string;
  /** Its type. */
  type: ParameterType;
  /** Its value as typed (`true`/`false` for booleans). */
  value: string;
}

/** The parameters of valid rows, or the first problem found. */
export type ParametersResult =
  | { ok: true; parameters: Record<string, string | number | boolean> }
  | { ok: false; problem: CircleCIMessage };

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Checks the rows (empty rows are skipped) within CircleCI's limits: at
 * most 100 parameters, names of up to 128 characters, values of up to 512.
 * A problem is a message the view translates.
 */
export function parseParameterRows(rows: readonly ParameterRow[]): ParametersResult {
  const fail = (problem: CircleCIMessage): ParametersResult => ({ ok: false, problem });
  const parameters: Record<string, string | number | boolean> = {};
  const used = rows.filter(r => r.name.trim() !== '' || r.value !== '');
  if (used.length > 100) return fail(msg('parameters.tooMany'));
  for (const row of used) {
    const name = row.name.trim();
    if (!NAME.test(name) || name.length > 128) {
      return fail(msg('parameters.invalidName', { name }));
    }
    if (name in parameters) return fail(msg('parameters.duplicate', { name }));
    if (row.value.length > 512) return fail(msg('parameters.tooLong', { name }));
    if (row.type === 'integer') {
      if (!/^-?\d+$/.test(row.value.trim()) || !Number.isSafeInteger(Number(row.value))) {
        return fail(msg('parameters.notInteger', { name }));
      }
      parameters[name] = Number(row.value);
    } else if (row.type === 'boolean') {
      if (row.value !== 'true' && row.value !== 'false') {
        return fail(msg('parameters.notBoolean', { name }));
      }
      parameters[name] = row.value === 'true';
    } else {
      parameters[name] = row.value;
    }
  }
  return { ok: true, parameters };
}
