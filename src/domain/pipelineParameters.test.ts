import { english } from '../__testUtils__/english';
import { parseParameterRows } from './pipelineParameters';

describe('parseParameterRows', () => {
  it('types each value and skips empty rows', () => {
    expect(
      parseParameterRows([
        { name: 'deploy', type: 'boolean', value: 'true' },
        { name: 'replicas', type: 'integer', value: '3' },
        { name: 'region', type: 'string', value: 'eu-west-1' },
        { name: '', type: 'string', value: '' },
      ]),
    ).toEqual({ ok: true, parameters: { deploy: true, replicas: 3, region: 'eu-west-1' } });
  });

  it('names the first bad row', () => {
    const notInteger = parseParameterRows([{ name: 'n', type: 'integer', value: '1.5' }]);
    expect(notInteger.ok ? undefined : english(notInteger.problem)).toBe('n must be a whole number.');
    expect(parseParameterRows([{ name: 'bad name', type: 'string', value: 'x' }]).ok).toBe(false);
    const twice = parseParameterRows([
      { name: 'a', type: 'string', value: 'x' },
      { name: 'a', type: 'string', value: 'y' },
    ]);
    expect(twice.ok ? undefined : english(twice.problem)).toBe('Parameter a is given twice.');
  });

  it('returns the problem as a message for the view to translate', () => {
    expect(parseParameterRows([{ name: 'n', type: 'boolean', value: 'yes' }])).toEqual({
      ok: false,
      problem: { key: 'parameters.notBoolean', params: { name: 'n' } },
    });
    const many = Array.from({ length: 101 }, (_v, i) => ({ name: `p${i}`, type: 'string' as const, value: 'x' }));
    expect(parseParameterRows(many)).toEqual({ ok: false, problem: { key: 'parameters.tooMany' } });
  });
});
