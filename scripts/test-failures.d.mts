export interface Failure {
  where: string;
  message: string;
}
export function vitestFailures(report: unknown, root?: string): Failure[];
export function playwrightFailures(report: unknown): Failure[];
export function failureDigest(failures: readonly Failure[], options?: { shown?: number; lines?: number }): string;
