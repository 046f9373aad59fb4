import type { Page } from '@playwright/test';

export interface ApiTiming {
  readonly startTime: number;
  readonly responseEnd: number;
}

/**
 * When the page asked each contract channel and when the answer had arrived (ms since the page
 * started), from the browser's resource timings: the first call of each channel, and under
 * `chunk:NAME` the first request of each built code file (`assets/NAME-hash.js`). Printed whole
 * when an assertion on them fails, so a failure on another machine says what happened.
 *
 * Start times are taken by the page itself as it makes each request, so two requests made one
 * after the other in one task keep their order on any machine. Comparing a start with another
 * request's end does not: a host on this machine may answer before a busy page has made its next
 * call.
 */
export async function apiTimings(page: Page): Promise<Record<string, ApiTiming>> {
  return page.evaluate(() => {
    const calls: Record<string, { startTime: number; responseEnd: number }> = {};
    for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      const channel = /\/api\/invoke\/([\w.-]+)$/.exec(entry.name)?.[1];
      const chunk = /\/assets\/([A-Za-z]+)-[\w-]+\.js$/.exec(entry.name)?.[1];
      const name = channel ?? (chunk ? `chunk:${chunk}` : undefined);
      if (name && !(name in calls)) calls[name] = { startTime: Math.round(entry.startTime), responseEnd: Math.round(entry.responseEnd) };
    }
    return calls;
  });
}
