import { z } from 'zod';

/** Every failure that crosses a transport is one of these; the message is for people, the code for programs. */
export const ERROR_CODES = [
  'invalid-input',
  'not-found',
  'no-workspace',
  'workspace-locked',
  'workspace-newer',
  'not-a-workspace',
  'workspace-corrupt',
  'workspace-exists',
  /** A window's write meant for a workspace that is no longer the open one (another window or tab opened another). */
  'workspace-changed',
  'wrong-passphrase',
  'read-only',
  'import-rejected',
  'unauthorized',
  'unknown-channel',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const AppErrorShape = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Optional structured detail, e.g. the zod issues of an invalid input (path + message, no stack). */
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** Thrown inside handlers; every transport turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: AppErrorShape['details'];
  constructor(code: ErrorCode, message: string, details?: AppErrorShape['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toShape(): AppErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, details?: AppErrorShape['details']): Result<never> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

/** Formats zod issues as "path: message" pairs; paths are dotted ("items.3.createdAt"), empty for the root. */
export function describeZodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
