import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';

interface Drawn {
  report(name: string): void;
  dataKey: unknown;
}

const DrawnContext = createContext<Drawn>({ report: () => undefined, dataKey: null });

/**
 * Collects "this chart has drawn" from every ChartFrame of a page and, once all `expected` charts
 * have drawn, sets the performance mark `mark` — once per `dataKey` (a new answer from the backend
 * starts a new round). The benchmark reads the mark.
 */
export function ChartsDrawnProvider({ mark, expected, dataKey, children }: { mark: string; expected: readonly string[]; dataKey: unknown; children: ReactNode }) {
  const round = useRef<{ key: unknown; drawn: Set<string>; marked: boolean }>({ key: undefined, drawn: new Set(), marked: false });
  // Reset during render, not in an effect: the charts' effects run before their parent's.
  if (round.current.key !== dataKey) round.current = { key: dataKey, drawn: new Set(), marked: false };
  const report = useCallback(
    (name: string) => {
      const r = round.current;
      r.drawn.add(name);
      if (!r.marked && expected.every((e) => r.drawn.has(e))) {
        r.marked = true;
        // After the browser has painted the last chart.
        requestAnimationFrame(() => performance.mark(mark));
      }
    },
    [expected, mark],
  );
  const value = useMemo(() => ({ report, dataKey }), [report, dataKey]);
  return <DrawnContext.Provider value={value}>{children}</DrawnContext.Provider>;
}

/** Tells the page this chart has drawn (its SVG is in the document), again for each new answer. */
export function useReportDrawn(name: string, ready: boolean): void {
  const { report, dataKey } = useContext(DrawnContext);
  useEffect(() => {
    if (ready) report(name);
  }, [name, ready, report, dataKey]);
}
