import type { Page } from '@playwright/test';

export interface ApiTiming {
  readonly startTime: number;
  readonly responseEnd: number;
}

/**
 * When the page asked each contract channel and when the answer had arrived (ms since the page
 * started), from the browser's resource timings: the first call of each channel. Printed whole
 * when an assertion on them fails, so a failure on another machine says what happened.
 */
export async function apiTimings(page: Page): Promise<Record<string, ApiTiming>> {
  return page.evaluate(() => {
    const calls: Record<string, { startTime: number; responseEnd: number }> = {};
    for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      const channel = /\/api\/invoke\/([\w.-]+)$/.exec(entry.name)?.[1];
      if (channel && !(channel in calls)) calls[channel] = { startTime: Math.round(entry.startTime), responseEnd: Math.round(entry.responseEnd) };
    }
    return calls;
  });
}
