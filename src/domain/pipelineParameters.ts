/*
 * The typed key/value rows of the trigger dialog, checked and turned into
 * pipeline parameters. No React and no I/O.
 */

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
  | { ok: false; problem: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Checks the rows (empty rows are skipped) within CircleCI's limits: at
 * most 100 parameters, names of up to 128 characters, values of up to 512.
 */
export function parseParameterRows(rows: readonly ParameterRow[]): ParametersResult {
  const parameters: Record<string, string | number | boolean> = {};
  const used = rows.filter(r => r.name.trim() !== '' || r.value !== '');
  if (used.length > 100) return { ok: false, problem: 'At most 100 parameters are allowed.' };
  for (const row of used) {
    const name = row.name.trim();
    if (!NAME.test(name) || name.length > 128) {
      return { ok: false, problem: `"${name}" is not a valid parameter name.` };
    }
    if (name in parameters) return { ok: false, problem: `Parameter ${name} is given twice.` };
    if (row.value.length > 512) return { ok: false, problem: `The value of ${name} is too long.` };
    if (row.type === 'integer') {
      if (!/^-?\d+$/.test(row.value.trim()) || !Number.isSafeInteger(Number(row.value))) {
        return { ok: false, problem: `${name} must be a whole number.` };
      }
      parameters[name] = Number(row.value);
    } else if (row.type === 'boolean') {
      if (row.value !== 'true' && row.value !== 'false') {
        return { ok: false, problem: `${name} must be true or false.` };
      }
      parameters[name] = row.value === 'true';
    } else {
      parameters[name] = row.value;
    }
  }
  return { ok: true, parameters };
}
