import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { plainIssueMessages } from '../../../shared/domain/plain-issue-messages';

const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value, { error: plainIssueMessages }).error?.issues[0]?.message;

describe('plainIssueMessages', () => {
  it('names the field, what it must be and what it holds', () => {
    const row = z.object({ key: z.string(), count: z.number().int().min(0), share: z.number().max(1), kind: z.enum(['blocks', 'relates']), tags: z.array(z.string()).min(1) });
    const good = { key: 'K', count: 1, share: 0.5, kind: 'blocks', tags: ['a'] };
    expect(messageOf(row, { ...good, key: 42 })).toBe('key must be text, not the number 42.');
    expect(messageOf(row, { ...good, count: -1 })).toBe('count must be at least 0, not the number -1.');
    expect(messageOf(row, { ...good, share: 2 })).toBe('share must be at most 1, not the number 2.');
    expect(messageOf(row, { ...good, kind: 'frobs' })).toBe('kind must be one of blocks, relates, not "frobs".');
    expect(messageOf(row, { ...good, tags: [] })).toBe('tags must hold at least 1 entry.');
    expect(messageOf(row, { ...good, count: undefined })).toBe('count is missing.');
  });

  it('keeps the messages a schema states itself', () => {
    expect(messageOf(z.string().refine((s) => s.startsWith('K'), 'a key starts with K'), 'X')).toBe('a key starts with K');
    expect(messageOf(z.string({ error: 'say a name' }), 3)).toBe('say a name');
  });

  describe('edge cases', () => {
    it('a value at the root, empty and long text, other types', () => {
      expect(messageOf(z.string(), null)).toBe('The value must be text, not null.');
      expect(messageOf(z.string().min(1), '')).toBe('The value must not be empty.');
      expect(messageOf(z.string().max(3), 'abcdef')).toBe('The value must be at most 3 characters long.');
      expect(messageOf(z.number(), 'x'.repeat(50))).toBe(`The value must be a number, not "${'x'.repeat(40)}…".`);
      expect(messageOf(z.boolean(), [])).toBe('The value must be true or false, not a list.');
      expect(messageOf(z.strictObject({ a: z.string() }), { a: 'x', b: 1 })).toBe('"b" is not a field Interlock reads here.');
    });
  });
});
