import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

// Printing (or saving as PDF) lays every tab's content out, in the light theme. The browser asks
// the page to get ready ('beforeprint', or the print media query turning on) and lays the page out
// for paper right after: the switch must render synchronously, hence flushSync.

const PrintingContext = createContext(false);

/** True while the page is being printed: show every tab, use the light theme. */
export const usePrinting = () => useContext(PrintingContext);

export function PrintingProvider({ children }: { children: ReactNode }) {
  const [printing, setPrinting] = useState(() => window.matchMedia?.('print').matches ?? false);
  useEffect(() => {
    const set = (value: boolean) => flushSync(() => setPrinting(value));
    const before = () => set(true);
    const after = () => set(false);
    const query = window.matchMedia?.('print');
    const onQuery = (event: MediaQueryListEvent) => set(event.matches);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    query?.addEventListener('change', onQuery);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      query?.removeEventListener('change', onQuery);
    };
  }, []);
  return <PrintingContext.Provider value={printing}>{children}</PrintingContext.Provider>;
}
