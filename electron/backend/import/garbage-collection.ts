import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Runs a full garbage collection now, whether or not the process was started with --expose-gc: the
 * flag is set for the moment it takes to fetch `gc` from a new context, then reset (the way
 * jest-leak-detector does it). For the rare point where a great deal has just become garbage and
 * a great deal is about to be allocated: V8 would otherwise grow the heap for the new objects
 * first and collect the old ones later, and the process's peak memory would hold both.
 */
export function collectGarbage(): void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) {
    exposed();
    return;
  }
  setFlagsFromString('--expose-gc');
  try {
    (runInNewContext('gc') as () => void)();
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
