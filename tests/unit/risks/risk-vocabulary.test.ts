import { describe, expect, it } from 'vitest';
import { riskKeyNumber } from '../../../shared/risks/risk-vocabulary';

describe('riskKeyNumber', () => {
  it('the number of a key Interlock gives out', () => {
    expect(riskKeyNumber('RISK-12')).toBe(12);
    expect(riskKeyNumber('RISK-0')).toBe(0);
  });

  describe('edge cases', () => {
    it('none for any other key, a key in another case, or a number past what is exact', () => {
      for (const key of ['ACMEBANK-PAY-7', 'risk-12', 'RISK-12b', 'RISK-', ' RISK-1', 'RISK-99999999999999999999']) expect([key, riskKeyNumber(key)]).toEqual([key, null]);
    });
  });
});
