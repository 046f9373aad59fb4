import { useChartTheme } from '../charts/chart-theme';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Board, BoardDependency } from '../../../shared/planning/board-schema';
import { DEPENDENCY_STATE_TEXT, type DependencyState } from '../../../shared/planning/dependency-state';
import { bandWithin, lineCrossesBand, linePath, stubOffset, stubPath, type Band, type Box } from './board-geometry';
import { sideOffPage, type IterationPage } from './board-pages';
import { oddsColor } from '../forecast/odds-style';
import { STATE_STYLE } from './plan-style';
import type { BoardFocus } from './ProgramBoard';

export const BOARD_DRAWN_MARK = 'interlock:plan-board-drawn';
export const BOARD_COMPLETE_MARK = 'interlock:plan-board-complete';

/**
 * Which lines the board draws: those of the card or team in focus; otherwise every line when asked
 * for, else only the ones that need a conversation (not in order). Hundreds of lines drawn at once
 * are unreadable on a projector; the counts are always in the legend.
 */
export function visibleDependencies(dependencies: readonly BoardDependency[], focus: BoardFocus, showAll: boolean): BoardDependency[] {
  if (focus.card) return dependencies.filter((d) => d.consumer.itemKey === focus.card || d.provider.itemKey === focus.card);
  if (focus.team) return dependencies.filter((d) => d.consumer.teamKey === focus.team || d.provider.teamKey === focus.team);
  return showAll ? [...dependencies] : dependencies.filter((d) => d.state !== 'ok');
}

/** Where the cards of the lines drawn sit (only those: measuring two thousand cards costs a full layout). */
function measure(container: HTMLElement, keys: ReadonlySet<string>): Map<string, Box> {
  const origin = container.getBoundingClientRect();
  // The window's pixels per pixel of the board: not 1 where the board is zoomed (on paper, scaled to
  // the page), and the lines are drawn inside it, so zoomed again.
  const ratio = container.offsetWidth > 0 ? origin.width / container.offsetWidth : 1;
  const scale = Math.abs(ratio - 1) > 0.01 ? ratio : 1;
  const boxes = new Map<string, Box>();
  for (const node of container.querySelectorAll<HTMLElement>('[data-card]')) {
    const key = node.dataset.card!;
    if (!keys.has(key)) continue;
    const r = node.getBoundingClientRect();
    boxes.set(key, { left: (r.left - origin.left) / scale, top: (r.top - origin.top) / scale, width: r.width / scale, height: r.height / scale });
  }
  return boxes;
}

/**
 * Above this many lines only those near the screen are drawn: a move that shifts the rows below it
 * moves every line there, and hundreds of lines drawn again took more than half of a move's time.
 */
export const ALL_LINES_UP_TO = 150;

/** What shows of the board (in its content's coordinates, like the boxes): the scroller's part of the window. */
function shownBand(viewport: HTMLElement, content: HTMLElement): Band {
  const origin = content.getBoundingClientRect();
  const view = viewport.getBoundingClientRect();
  return { top: Math.max(view.top, 0) - origin.top, bottom: Math.min(view.bottom, window.innerHeight) - origin.top };
}

/** The band lines are drawn in: what shows and a screen's height more above and below, so scrolling a little draws nothing new. */
function drawnBand(shown: Band): Band {
  const reach = Math.max(shown.bottom - shown.top, 400);
  return { top: shown.top - reach, bottom: shown.bottom + reach };
}

/** `after` when a box differs from `before` (or one came or went), else `before`: the same map draws nothing again. */
function sameBoxes(before: Map<string, Box>, after: Map<string, Box>): Map<string, Box> {
  if (before.size !== after.size) return after;
  for (const [key, b] of after) {
    const a = before.get(key);
    if (!a || a.left !== b.left || a.top !== b.top || a.width !== b.width || a.height !== b.height) return after;
  }
  return before;
}

/**
 * The dependency lines, edge to edge between cards, with each state's pattern and symbol. With
 * `onTime` (plan confidence) a line's colour is instead the probability that its provider is done
 * before the consumer needs it; the pattern and symbol still tell its state.
 */
export function DependencyLines({ board, container, viewport, focus, showAll, onTime, drawnRows, complete = true, everywhere = false, page = null }: {
  board: Board;
  /** Presented a page of iterations at a time: the one shown (null: every iteration). A line with an end on another page is a stub pointing to it. */
  page?: Pick<IterationPage, 'start' | 'end'> | null;
  container: RefObject<HTMLDivElement | null>;
  /** What scrolls the board (the window may scroll it too): many lines are drawn only near what shows of it. */
  viewport?: RefObject<HTMLElement | null>;
  focus: BoardFocus;
  showAll: boolean;
  onTime?: ReadonlyMap<string, number> | null | undefined;
  /** Rows drawn so far, and whether that is all of them (ProgramBoard draws in passes): lines to cards still to come wait. */
  drawnRows?: number;
  complete?: boolean;
  /** Every line wherever it is (print). */
  everywhere?: boolean;
}) {
  const [boxes, setBoxes] = useState<Map<string, Box>>(new Map());
  const shown = useMemo(() => visibleDependencies(board.dependencies, focus, showAll), [board.dependencies, focus, showAll]);
  // The same set while the same cards are ends: a move that changes only states measures nothing.
  const latestEnds = useRef<ReadonlySet<string>>(new Set());
  const ends = useMemo(() => {
    // A provider team with no item named has no card to measure.
    const next = new Set(shown.flatMap((d) => (d.provider.itemKey === null ? [d.consumer.itemKey] : [d.consumer.itemKey, d.provider.itemKey])));
    const before = latestEnds.current;
    return next.size === before.size && [...next].every((k) => before.has(k)) ? before : next;
  }, [shown]);
  latestEnds.current = ends;
  // Measured again when the board changes, and when it is laid out anew (a resize); boxes that did
  // not move keep the lines from being drawn again.
  const update = useCallback(() => {
    const element = container.current;
    if (element) setBoxes((before) => sameBoxes(before, measure(element, latestEnds.current)));
  }, [container]);
  const draw = () => {
    update();
    follow();
    // The benchmark's "board drawn": the first screen's cards laid out and measured, once the
    // browser has painted; "complete" when every row is.
    requestAnimationFrame(() => performance.mark(BOARD_DRAWN_MARK));
    if (complete) requestAnimationFrame(() => performance.mark(BOARD_COMPLETE_MARK));
  };
  // Measured before the browser paints (one paint, not cards then lines), when the cards or the
  // ends changed. On the first draw the container's ref is attached only after its children's
  // layout effects run: then a passive effect measures.
  const waiting = useRef(false);
  // Null: every line. Kept while what shows stays inside it; scrolling out of it draws the lines there.
  const [band, setBand] = useState<Band | null>(null);
  const culled = !everywhere && shown.length > ALL_LINES_UP_TO;
  const follow = useCallback(() => {
    const element = container.current;
    const scroller = viewport?.current;
    if (!element || !scroller) return;
    const now = shownBand(scroller, element);
    setBand((before) => (before && bandWithin(now, before) ? before : drawnBand(now)));
  }, [container, viewport]);
  useEffect(() => {
    if (!culled) return;
    let frame = 0;
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(() => {
        frame = 0;
        follow();
      });
    };
    // Captured: the board's own scroller and the window's scrolling both move what shows.
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onScroll);
    };
  }, [culled, follow]);
  // Another page of iterations shows other cards: they are measured again.
  const drawn = [update, board.cells, ends, drawnRows, complete, page?.start, page?.end];
  useLayoutEffect(() => {
    if (container.current) draw();
    else waiting.current = true;
  }, drawn);
  useEffect(() => {
    if (!waiting.current) return;
    waiting.current = false;
    draw();
  }, drawn);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [container, update]);
  // The room's chart size when presenting: the symbol must read from the back like the lines' colours.
  const { fontSize } = useChartTheme();
  const columnIndex = useMemo(() => new Map(board.columns.map((c, i) => [c.id, i])), [board.columns]);
  const offPage = (columnId: number | null) => sideOffPage(page, columnId === null ? -1 : (columnIndex.get(columnId) ?? -1));
  // Below the cards (z-index -1 within the board's isolated content), so the cards need no layer of their own.
  return (
    <svg aria-hidden data-testid="dependency-lines" data-lines={shown.length} data-measured={boxes.size} style={{ position: 'absolute', left: 0, top: 0, width: '100%', height: '100%', pointerEvents: 'none', overflow: 'visible', zIndex: -1 }}>
      {stubbed(shown, (d) => {
        const consumer = boxes.get(d.consumer.itemKey);
        // A provider team with no item named has no card: a stub to the left, as a provider not on the board.
        const provider = d.provider.itemKey === null ? undefined : boxes.get(d.provider.itemKey);
        // An end on another page of iterations: the line is a stub from the end shown, toward it.
        const consumerAway = offPage(d.consumer.columnId);
        const providerAway = offPage(d.provider.columnId);
        if (consumer && provider) return { line: [provider, consumer] };
        if (consumer) {
          // A provider on the board whose row is still to be drawn: its line waits for it.
          if (d.provider.columnId !== null && !providerAway && !complete) return null;
          // A provider on a later page lies to the right; one on an earlier page, or not on the board, to the left.
          return { stub: { at: d.consumer.itemKey, card: consumer, side: providerAway ?? 'left', toPage: providerAway !== null } };
        }
        if (provider && consumerAway) return { stub: { at: d.provider.itemKey!, card: provider, side: consumerAway, toPage: true } };
        // The consumer's row is still to be drawn (or neither end is shown): nothing yet.
        return null;
      }).map(({ d, end, spread }) => {
        const geometry: { path: string; arrow?: string | undefined; mid: { x: number; y: number }; stub: 'left' | 'right' | null; ends: [Box | undefined, Box] } =
          'line' in end
            ? { ...shape(linePath(...end.line)), stub: null, ends: end.line }
            : { ...shape(stubPath(end.stub.card, end.stub.side, end.stub.toPage, stubOffset(spread, end.stub.card, fontSize))), stub: end.stub.side, ends: [undefined, end.stub.card] };
        if (culled && band && !lineCrossesBand(...geometry.ends, band)) return null;
        const odds = onTime?.get(d.key);
        const style = STATE_STYLE[d.state];
        const color = odds === undefined ? style.color : oddsColor(odds);
        return (
          <Line
            key={d.key}
            dependencyKey={d.key}
            state={d.state}
            onTime={odds === undefined ? undefined : Math.round(odds * 100)}
            path={geometry.path}
            arrow={geometry.arrow}
            x={geometry.mid.x}
            y={geometry.mid.y}
            color={color}
            dash={style.dash}
            stub={geometry.stub}
            fontSize={fontSize}
          />
        );
      })}
    </svg>
  );
}

type LineEnds = { line: [Box, Box] } | { stub: { at: string; card: Box; side: 'left' | 'right'; toPage: boolean } };

/**
 * Each dependency drawn with where its ends are, and for a stub its place among the stubs leaving
 * the same card on the same side (two providers not on the board would otherwise draw one stub
 * over the other, and the room would count one).
 */
function stubbed(shown: readonly BoardDependency[], endsOf: (d: BoardDependency) => LineEnds | null): { d: BoardDependency; end: LineEnds; spread: { index: number; count: number } }[] {
  const drawn = shown.flatMap((d) => {
    const end = endsOf(d);
    return end ? [{ d, end }] : [];
  });
  const count = new Map<string, number>();
  const place = (end: LineEnds) => ('stub' in end ? `${end.stub.side} ${end.stub.at}` : null);
  for (const { end } of drawn) {
    const at = place(end);
    if (at !== null) count.set(at, (count.get(at) ?? 0) + 1);
  }
  const taken = new Map<string, number>();
  return drawn.map(({ d, end }) => {
    const at = place(end);
    if (at === null) return { d, end, spread: { index: 0, count: 1 } };
    const index = taken.get(at) ?? 0;
    taken.set(at, index + 1);
    return { d, end, spread: { index, count: count.get(at)! } };
  });
}

const shape = (line: { d: string; mid: { x: number; y: number }; arrow?: string }) => ({ path: line.d, arrow: line.arrow, mid: line.mid });

/** One dependency's line and symbol; memoised: after a move only the lines whose ends moved are drawn again. */
const Line = memo(function Line(props: { dependencyKey: string; state: DependencyState; onTime: number | undefined; path: string; arrow: string | undefined; x: number; y: number; color: string; dash: string | undefined; stub: 'left' | 'right' | null; fontSize: number }) {
  return (
    <g data-dependency={props.dependencyKey} data-state={props.state} data-on-time={props.onTime} data-stub={props.stub ?? undefined}>
      <path d={props.path} stroke={props.color} strokeWidth={2.5} strokeDasharray={props.dash} fill="none" opacity={props.stub ? undefined : 0.9} />
      {props.arrow && <path data-arrow d={props.arrow} fill={props.color} />}
      <circle cx={props.x} cy={props.y} r={Math.round(props.fontSize * 0.7)} fill={props.color} />
      <text x={props.x} y={props.y} textAnchor="middle" dominantBaseline="central" fontSize={props.fontSize} fontWeight={700} fill="#fff">
        {DEPENDENCY_STATE_TEXT[props.state].symbol}
      </text>
    </g>
  );
});
