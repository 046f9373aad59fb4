import type { z } from 'zod';

// zod's own messages ("Invalid input: expected string, received number", "Invalid option: expected
// one of …") read as a program's; a person gets the field, what it must be and what was given: an
// import's rejected rows, and every transport's answer to input the contract refuses. Messages a
// schema states itself (refinements) are kept as they are.

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};

function describeValue(input: unknown): string {
  if (input === null) return 'null';
  if (typeof input === 'string') return input === '' ? 'empty text' : `"${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  if (typeof input === 'number' || typeof input === 'boolean') return `${typeof input === 'number' ? 'the number ' : ''}${String(input)}`;
  if (Array.isArray(input)) return 'a list';
  return typeof input === 'object' ? 'an object' : typeof input;
}

function countOf(n: number | bigint, one: string, many: string): string {
  return `${String(n)} ${Number(n) === 1 ? one : many}`;
}

/** A per-parse error map: `schema.safeParse(value, { error: plainIssueMessages })`. */
export const plainIssueMessages: z.core.$ZodErrorMap = (issue) => {
  const last = issue.path?.at(-1);
  const field = typeof last === 'string' ? last : 'The value';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${field} is missing.`;
      return `${field} must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeValue(issue.input)}.`;
    case 'invalid_value':
      return `${field} must be ${issue.values.length === 1 ? String(issue.values[0]) : `one of ${issue.values.map(String).join(', ')}`}, not ${describeValue(issue.input)}.`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `${field} must not be empty.` : `${field} must be at least ${countOf(issue.minimum, 'character', 'characters')} long.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${field} must hold at least ${countOf(issue.minimum, 'entry', 'entries')}.`;
      return `${field} must be ${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}, not ${describeValue(issue.input)}.`;
    case 'too_big':
      if (issue.origin === 'string') return `${field} must be at most ${countOf(issue.maximum, 'character', 'characters')} long.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${field} must hold at most ${countOf(issue.maximum, 'entry', 'entries')}.`;
      return `${field} must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}, not ${describeValue(issue.input)}.`;
    case 'invalid_format':
      return `${field} is not a valid ${issue.format}: ${describeValue(issue.input)}.`;
    case 'unrecognized_keys':
      return `${issue.keys.map((k) => `"${k}"`).join(', ')} ${issue.keys.length === 1 ? 'is not a field' : 'are not fields'} Interlock reads here.`;
    default:
      return undefined;
  }
};
