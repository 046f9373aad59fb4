import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { Board, BoardDependency } from '../../../shared/planning/board-schema';
import { DEPENDENCY_STATE_TEXT } from '../../../shared/planning/dependency-state';
import { linePath, type Box } from './board-geometry';
import { STATE_STYLE } from './plan-style';
import type { BoardFocus } from './ProgramBoard';

export const BOARD_DRAWN_MARK = 'interlock:plan-board-drawn';

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
  const boxes = new Map<string, Box>();
  for (const node of container.querySelectorAll<HTMLElement>('[data-card]')) {
    const key = node.dataset.card!;
    if (!keys.has(key)) continue;
    const r = node.getBoundingClientRect();
    boxes.set(key, { left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height });
  }
  return boxes;
}

/** The dependency lines, edge to edge between cards, with each state's pattern and symbol. */
export function DependencyLines({ board, container, focus, showAll }: { board: Board; container: RefObject<HTMLDivElement | null>; focus: BoardFocus; showAll: boolean }) {
  const [boxes, setBoxes] = useState<Map<string, Box>>(new Map());
  const shown = useMemo(() => visibleDependencies(board.dependencies, focus, showAll), [board.dependencies, focus, showAll]);
  const ends = useMemo(() => new Set(shown.flatMap((d) => [d.consumer.itemKey, d.provider.itemKey])), [shown]);
  // A passive effect: the container's ref is attached only after its children's layout effects run.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const update = () => setBoxes(measure(element, ends));
    update();
    // The benchmark's "board drawn": cards laid out and measured, once the browser has painted.
    requestAnimationFrame(() => performance.mark(BOARD_DRAWN_MARK));
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [container, board, ends]);
  return (
    <svg aria-hidden data-testid="dependency-lines" data-lines={shown.length} data-measured={boxes.size} style={{ position: 'absolute', left: 0, top: 0, width: '100%', height: '100%', pointerEvents: 'none', overflow: 'visible', zIndex: 0 }}>
      {shown.map((d) => {
        const consumer = boxes.get(d.consumer.itemKey);
        if (!consumer) return null;
        const style = STATE_STYLE[d.state];
        const provider = boxes.get(d.provider.itemKey);
        const symbol = DEPENDENCY_STATE_TEXT[d.state].symbol;
        if (!provider) {
          // The provider is not on the board: a short stub ending in the state's symbol.
          const y = consumer.top + consumer.height / 2;
          return (
            <g key={d.key} data-dependency={d.key} data-state={d.state}>
              <path d={`M ${consumer.left} ${y} h -22`} stroke={style.color} strokeWidth={2.5} strokeDasharray={style.dash} fill="none" />
              <Badge x={consumer.left - 30} y={y} color={style.color} symbol={symbol} />
            </g>
          );
        }
        const { d: path, mid } = linePath(provider, consumer);
        return (
          <g key={d.key} data-dependency={d.key} data-state={d.state}>
            <path d={path} stroke={style.color} strokeWidth={2.5} strokeDasharray={style.dash} fill="none" opacity={0.9} />
            <Badge x={mid.x} y={mid.y} color={style.color} symbol={symbol} />
          </g>
        );
      })}
    </svg>
  );
}

function Badge({ x, y, color, symbol }: { x: number; y: number; color: string; symbol: string }) {
  return (
    <g>
      <circle cx={x} cy={y} r={9} fill={color} />
      <text x={x} y={y} textAnchor="middle" dominantBaseline="central" fontSize={12} fontWeight={700} fill="#fff">
        {symbol}
      </text>
    </g>
  );
}
