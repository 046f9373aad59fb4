import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { channel, defineContract } from '../../../shared/contract/channel';
import { CHANNEL_NAMES, contract, isChannelName } from '../../../shared/contract/contract';
import { describeZodIssues } from '../../../shared/contract/result';

describe('the contract', () => {
  it('defines every channel once, with zod input and output and a one-line summary', () => {
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
    for (const name of CHANNEL_NAMES) {
      const c = contract[name];
      expect(c.input, name).toBeInstanceOf(z.ZodType);
      expect(c.output, name).toBeInstanceOf(z.ZodType);
      expect(c.summary.length, name).toBeGreaterThan(10);
      expect(name).toMatch(/^[a-z]+(\.[a-zA-Z]+)+$/);
    }
  });

  it('knows its channel names and nothing else', () => {
    expect(isChannelName('workspace.overview')).toBe(true);
    expect(isChannelName('workspace.nope')).toBe(false);
    expect(isChannelName('toString')).toBe(false);
    expect(isChannelName('__proto__')).toBe(false);
    expect(isChannelName(42)).toBe(false);
  });

  it('every channel that writes says what it changes', () => {
    for (const name of CHANNEL_NAMES) {
      const { mutates } = contract[name];
      if (mutates === null || mutates === 'all') continue;
      expect(mutates.length, name).toBeGreaterThan(0);
      for (const prefix of mutates) expect(CHANNEL_NAMES.some((other) => other.startsWith(prefix)), `${name} → ${prefix}`).toBe(true);
    }
    expect(contract['workspace.open'].mutates).toBe('all');
    expect(contract['coordination.scenarios.save'].mutates).toEqual(['coordination.scenarios.']);
    expect(contract['metrics.flow'].mutates).toBeNull();
  });

  describe('edge cases', () => {
    it('two domains defining one channel name fail at once, naming it', () => {
      const one = { 'a.b': channel(z.object({}), z.object({}), 'first definition') };
      const two = { 'a.b': channel(z.object({}), z.number(), 'second definition') };
      expect(() => defineContract(one, two)).toThrow('The channel "a.b" is defined twice in the contract.');
      expect(Object.keys(defineContract(one, { 'a.c': two['a.b'] }))).toEqual(['a.b', 'a.c']);
    });

    it('input errors name the field that is wrong', () => {
      const parsed = contract['workspace.createDemo'].input.safeParse({ path: '/tmp/x.interlock', items: 3 });
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(describeZodIssues(parsed.error)).toEqual([{ path: 'items', message: 'at least 50 items' }]);
    });

    it('defaults are applied to omitted inputs', () => {
      expect(contract['workspace.createDemo'].input.parse({ path: 'd.interlock' })).toEqual({ path: 'd.interlock', overwrite: false, items: 2500, seed: 42 });
    });
  });
});
