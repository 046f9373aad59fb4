import { useCallback, useInsertionEffect, useRef } from 'react';

/**
 * A function that keeps one identity for the component's life and always calls the latest `fn`:
 * a memoised child (the program board's two thousand cards) is not drawn again because its parent
 * made new arrow functions. Not for use while rendering (it calls the last committed `fn`).
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useInsertionEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
