import type { z } from 'zod';

/** One channel of the contract: its zod input and output, and one line saying what it does. */
export interface Channel<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly summary: string;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string): Channel<I, O> {
  return { input, output, summary };
}
