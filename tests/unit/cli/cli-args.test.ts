import { describe, expect, it } from 'vitest';
import { joinNegativeValues, parseCliArgs } from '../../../electron/cli/cli-support';

const OPTIONS = { items: { type: 'string' }, force: { type: 'boolean' } } as const;

describe('joinNegativeValues', () => {
  it('joins a negative number to the option before it that takes a value', () => {
    expect(joinNegativeValues(['f.interlock', '--items', '-5'], OPTIONS)).toEqual(['f.interlock', '--items=-5']);
    expect(joinNegativeValues(['--items', '-2.5'], OPTIONS)).toEqual(['--items=-2.5']);
  });

  it('gives parseArgs a value it can read, where it refused the pair as ambiguous', () => {
    expect(parseCliArgs(['--items', '-5'], OPTIONS).values.items).toBe('-5');
  });

  describe('edge cases', () => {
    it('leaves a flag, an unknown option and a dash word alone', () => {
      expect(joinNegativeValues(['--force', '-5'], OPTIONS)).toEqual(['--force', '-5']);
      expect(joinNegativeValues(['--other', '-5'], OPTIONS)).toEqual(['--other', '-5']);
      expect(joinNegativeValues(['--items', '-x'], OPTIONS)).toEqual(['--items', '-x']);
      expect(joinNegativeValues(['--items', '--force'], OPTIONS)).toEqual(['--items', '--force']);
    });

    it('touches nothing after --, and an option last in the list stays as it is', () => {
      expect(joinNegativeValues(['--', '--items', '-5'], OPTIONS)).toEqual(['--', '--items', '-5']);
      expect(joinNegativeValues(['--items'], OPTIONS)).toEqual(['--items']);
      expect(joinNegativeValues([], OPTIONS)).toEqual([]);
    });

    it('does not change its input', () => {
      const args = ['--items', '-5'];
      joinNegativeValues(args, OPTIONS);
      expect(args).toEqual(['--items', '-5']);
    });
  });
});
