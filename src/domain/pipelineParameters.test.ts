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
    expect(parseParameterRows([{ name: 'n', type: 'integer', value: '1.5' }])).toEqual({
      ok: false,
      problem: 'n must be a whole number.',
    });
    expect(parseParameterRows([{ name: 'bad name', type: 'string', value: 'x' }]).ok).toBe(false);
    expect(
      parseParameterRows([
        { name: 'a', type: 'string', value: 'x' },
        { name: 'a', type: 'string', value: 'y' },
      ]),
    ).toEqual({ ok: false, problem: 'Parameter a is given twice.' });
  });

  it('words the problem with the translate function it is given', () => {
    const translate = (key: string, params?: Record<string, string | number>) =>
      `${key}|${params?.name ?? ''}`;
    expect(parseParameterRows([{ name: 'n', type: 'boolean', value: 'yes' }], translate)).toEqual({
      ok: false,
      problem: 'parameters.notBoolean|n',
    });
    const many = Array.from({ length: 101 }, (_v, i) => ({ name: `p${i}`, type: 'string' as const, value: 'x' }));
    expect(parseParameterRows(many, translate)).toEqual({ ok: false, problem: 'parameters.tooMany|' });
  });
});
