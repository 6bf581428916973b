import { isUuid } from './ids';

describe('isUuid', () => {
  it.each([
    '98b1071e-c364-4b39-91b9-820b8588e2ae',
    '98B1071E-C364-4B39-91B9-820B8588E2AE',
    '00000000-0000-0000-0000-000000000000',
  ])('accepts %s', id => expect(isUuid(id)).toBe(true));

  it.each([
    '',
    '98b1071e-c364-4b39-91b9-820b8588e2a',
    '98b1071e-c364-4b39-91b9-820b8588e2aef',
    '98b1071ec3644b3991b9820b8588e2ae',
    '../../me',
    ' 98b1071e-c364-4b39-91b9-820b8588e2ae',
    '98b1071e-c364-4b39-91b9-820b8588e2ae\n',
    'g8b1071e-c364-4b39-91b9-820b8588e2ae',
  ])('refuses %p', id => expect(isUuid(id)).toBe(false));

  it.each([undefined, null, 7, {}])('refuses the non-string %p', value =>
    expect(isUuid(value)).toBe(false),
  );
});
