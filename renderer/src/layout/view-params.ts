import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { applyParams, firstValues, type ParamPatch } from './view-address';

export { parseViewParams, withViewParams } from './view-address';

// A page's view state (its tab, the increment shown, the scope, the card in focus…) lives in the
// address, after the page: "#/plan?increment=PI%2026.4&tab=board". Changing it replaces the
// history entry: stepping through tabs does not fill the Back button.

export interface ViewParams {
  /** The first value of each parameter. */
  readonly values: Record<string, string>;
  /** Every value of a repeated parameter ("teams=a&teams=b"), in order. */
  list(key: string): string[];
  /** Writes `patch` into the address (a list for a repeated key; null, '' or [] removes it). */
  set(patch: ParamPatch): void;
}

/** The current page's view parameters, read from and written to the address. */
export function useViewAddress(): ViewParams {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (patch: ParamPatch) =>
      setParams(
        (current) => {
          const next = applyParams(current, patch);
          return next.toString() === current.toString() ? current : next;
        },
        { replace: true, preventScrollReset: true },
      ),
    [setParams],
  );
  return useMemo(() => ({ values: firstValues(params), list: (key: string) => params.getAll(key), set }), [params, set]);
}

/** The current page's single-valued view parameters and a setter that writes them into the address. */
export function useViewParams(): [Record<string, string>, (patch: ParamPatch) => void] {
  const { values, set } = useViewAddress();
  return [values, set];
}
