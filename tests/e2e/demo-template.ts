import { resolve } from 'node:path';

/** The demo workspace written once per e2e run by global-setup.ts. */
export const DEMO_TEMPLATE = resolve('test-results', 'e2e-demo.interlock');
