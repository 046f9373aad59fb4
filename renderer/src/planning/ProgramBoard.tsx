import Box from '@mui/material/Box';
import GlobalStyles from '@mui/material/GlobalStyles';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import FlagIcon from '@mui/icons-material/FlagOutlined';
import { alpha, useTheme } from '@mui/material/styles';
import { visuallyHidden } from '@mui/utils';
import { Fragment, memo, startTransition, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import type { Board, BoardCard, BoardCell, BoardDependency } from '../../../shared/planning/board-schema';
import { dependencyBadges, dependencyKindsByCard, stateOfKind, type DependencyKind } from '../../../shared/planning/dependency-state';
import { displayKey } from '../../../shared/planning/local-keys';
import { milestoneGapText } from '../../../shared/planning/board';
import { iterationPage, iterationPageLabel, iterationsThatFit, pageShowing, steppedPage, type IterationPage } from './board-pages';
import { rowPasses, rowsHeight } from './board-passes';
import { CARD_GUTTER } from './board-geometry';
import type { RiskOnCard } from '../../../shared/joins/board-risks';
import { cardRiskLines, openRisksText } from './board-risk-texts';
import { DependencyLines } from './DependencyLines';
import { usePrinting } from '../room/printing';
import { iterationPageStep, keyBelongsToControl } from '../room/presentation-keys';
import { cellId, STATE_STYLE } from './plan-style';
import { PRESENTING_ATTRIBUTE } from '../theme/room-styles';

export interface PlaceRequest {
  itemKey: string;
  teamKey: string;
  iterationId: number;
  beforeItemKey: string | null;
}

export interface BoardFocus {
  card: string | null;
  team: string | null;
}

interface ProgramBoardProps {
  board: Board;
  focus: BoardFocus;
  showAllLines: boolean;
  /** Dependency key → probability its provider is in time (plan confidence): colours the lines when given. */
  lineOdds?: ReadonlyMap<string, number> | null;
  /** Cards changed since the compared baseline: key → what happened. */
  changed: ReadonlyMap<string, string>;
  onFocus(focus: BoardFocus): void;
  onPlace(request: PlaceRequest): void;
  onCardMenu(card: BoardCard, teamKey: string, anchor: HTMLElement): void;
  onAddToCell(teamKey: string, columnId: number): void;
  onCapacity(cell: BoardCell, anchor: HTMLElement): void;
  /** Per card, its open risks (board-risks.ts): a marker on the card. */
  cardRisks?: ReadonlyMap<string, readonly RiskOnCard[]>;
  /** A card's risk marker clicked: its risks, and the way to each. */
  onCardRisks?(card: BoardCard, teamKey: string): void;
  /** The backlog's draggable items live outside the board but inside its drag context. */
  sidePanel: ReactNode;
  /** Presented with more iterations than the screen holds: the one (0-based) the shown ones start from, as the address asks. */
  firstIteration?: number;
  /** The pager (its buttons, < and >) or a card moved by keyboard onto another page asks for another first iteration. */
  onFirstIteration?(start: number): void;
}

const TEAM_COLUMN = 180;
const CELL_MIN = 200;
/**
 * Presented, the narrowest an iteration gets at 1280×720 (times the type scale's factor on a larger
 * screen): at the room's 20 px type a date ("2026-11-09 –") and a card's key still fit on a line,
 * card titles wrap. Seven iterations (six sprints and an IP iteration) fit beside the team column;
 * more are shown a screenful at a time (ProgramBoard), never cut off at the screen's edge.
 */
const ROOM_CELL_FLOOR = 150;
/** The named page the board prints on (landscape, see room-styles.ts) and the width it gives, CSS px. */
const PRINT_PAGE = 'wide';
const PRINT_WIDTH = 1000;

/** The iteration a card dropped into a cell lands in: the team's own sprint in that column, else the column. */
export function targetIteration(board: Board, teamKey: string, columnId: number, beforeCard: BoardCard | null): number {
  if (beforeCard) return beforeCard.iterationId;
  const sprints = board.increment.iterations.filter((i) => i.teamKey === teamKey && i.columnId === columnId);
  return sprints.at(-1)?.id ?? columnId;
}

/** Per card, the kinds of its dependencies as one string ("conflict,ok"): cheap to compare, so unchanged cards skip rendering. */
function cardStates(dependencies: readonly BoardDependency[]): Map<string, string> {
  return new Map([...dependencyKindsByCard(dependencies)].map(([key, list]) => [key, list.join(',')]));
}

/**
 * Per card of a cell, the lines of its open risks joined by "\n" (JSON), or '' when no card of the
 * cell has any (most cells): a string, so a cell whose cards' risks did not change skips rendering.
 */
function cellRisks(cell: BoardCell, lines: ReadonlyMap<string, string>): string {
  if (lines.size === 0 || !cell.cards.some((c) => lines.has(c.key))) return '';
  return JSON.stringify(cell.cards.map((c) => lines.get(c.key) ?? ''));
}

/** What cards and cells call back; one stable object for the board's life, always reaching the latest props. */
interface BoardHandlers {
  /** Drops an item (dragged by mouse) into a cell, before the card under the pointer or last. */
  drop(itemKey: string, teamKey: string, columnId: number, beforeKey: string | null): void;
  /** Alt + an arrow on a focused card: to the next or previous iteration or team. */
  step(itemKey: string, from: { teamKey: string; columnId: number }, direction: 'left' | 'right' | 'up' | 'down'): void;
  focusCard(key: string): void;
  focusTeam(key: string): void;
  cardMenu(card: BoardCard, teamKey: string, anchor: HTMLElement): void;
  risks(card: BoardCard, teamKey: string): void;
  add(teamKey: string, columnId: number): void;
  capacity(cell: BoardCell, anchor: HTMLElement): void;
}

/** The data a drag carries: the item's key. */
export const DRAG_TYPE = 'application/x-interlock-item';

/**
 * The program board: teams (grouped) × iterations, a milestones lane, cards that move by mouse
 * (the browser's own drag and drop) or keyboard (Alt + an arrow carries the focused card to the
 * next iteration or team; Enter opens its menu, with "Move to…"), load against capacity in every
 * cell, and the dependency lines of what is in focus. Cards are plain elements with no per-card
 * hooks, so a board of two thousand re-renders in milliseconds; memoised, with cells and cards,
 * so a move draws again only what it changed (give it stable callbacks).
 */
export const ProgramBoard = memo(function ProgramBoard(props: ProgramBoardProps) {
  const { board } = props;
  const theme = useTheme();
  const content = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const teamName = useMemo(() => new Map(board.teams.map((t) => [t.key, t.name])), [board.teams]);
  const cells = useMemo(() => new Map(board.cells.map((c) => [cellId(c.teamKey, c.columnId), c])), [board.cells]);
  const states = useMemo(() => cardStates(board.dependencies), [board.dependencies]);
  const riskLines = useMemo(() => new Map([...(props.cardRisks ?? [])].map(([key, list]) => [key, cardRiskLines(list).join('\n')])), [props.cardRisks]);
  const latest = useRef(props);
  latest.current = props;
  // A card moved by keyboard lands in another cell (a new element): give it the focus back.
  const refocus = useRef<string | null>(null);
  const handlers = useMemo<BoardHandlers>(
    () => ({
      drop: (itemKey, teamKey, columnId, beforeKey) => {
        const { board: b } = latest.current;
        const target = b.cells.find((c) => c.teamKey === teamKey && c.columnId === columnId);
        const from = b.cells.find((c) => c.cards.some((k) => k.key === itemKey));
        const beforeCard = beforeKey === null ? null : (target?.cards.find((c) => c.key === beforeKey) ?? null);
        if (beforeCard?.key === itemKey) return;
        if (from && from === target && beforeCard === null && from.cards.at(-1)?.key === itemKey) return;
        latest.current.onPlace({ itemKey, teamKey, iterationId: targetIteration(b, teamKey, columnId, beforeCard), beforeItemKey: beforeCard?.key ?? null });
      },
      step: (itemKey, from, direction) => {
        const { board: b } = latest.current;
        const columns = b.columns.map((c) => c.id);
        const teams = b.teams.map((t) => t.key);
        let teamKey = from.teamKey;
        let columnId = from.columnId;
        if (direction === 'left' || direction === 'right') columnId = columns[columns.indexOf(from.columnId) + (direction === 'right' ? 1 : -1)] ?? from.columnId;
        else teamKey = teams[teams.indexOf(from.teamKey) + (direction === 'down' ? 1 : -1)] ?? from.teamKey;
        if (teamKey === from.teamKey && columnId === from.columnId) return;
        refocus.current = itemKey;
        latest.current.onPlace({ itemKey, teamKey, iterationId: targetIteration(b, teamKey, columnId, null), beforeItemKey: null });
      },
      focusCard: (key) => latest.current.onFocus({ card: latest.current.focus.card === key ? null : key, team: null }),
      focusTeam: (key) => latest.current.onFocus({ card: null, team: latest.current.focus.team === key ? null : key }),
      cardMenu: (card, teamKey, anchor) => latest.current.onCardMenu(card, teamKey, anchor),
      risks: (card, teamKey) => latest.current.onCardRisks?.(card, teamKey),
      add: (teamKey, columnId) => latest.current.onAddToCell(teamKey, columnId),
      capacity: (cell, anchor) => latest.current.onCapacity(cell, anchor),
    }),
    [],
  );

  // Drawn in passes (board-passes.ts): the rows that fill the screen first, the rest right after,
  // a few teams at a time and interruptibly; all at once for print.
  const printing = usePrinting();
  const passes = useMemo(() => {
    const rows = board.teams.map((t) => {
      const own = board.columns.map((c) => cells.get(cellId(t.key, c.id))?.cards.length ?? 0);
      return { cards: own.reduce((a, b) => a + b, 0), tallest: Math.max(0, ...own) };
    });
    return { rows, drawn: rowPasses(rows, window.innerHeight) };
  }, [board.teams, board.columns, cells]);
  const [pass, setPass] = useState(0);
  const drawnRows = printing ? board.teams.length : passes.drawn[Math.min(pass, passes.drawn.length - 1)]!;
  useEffect(() => {
    if (drawnRows >= board.teams.length) return;
    const timer = setTimeout(() => startTransition(() => setPass((p) => p + 1)));
    return () => clearTimeout(timer);
  }, [drawnRows, board.teams.length]);

  const groups = useMemo(() => {
    const out: { group: string; teams: Board['teams'] }[] = [];
    for (const team of board.teams.slice(0, drawnRows)) {
      const last = out.at(-1);
      if (last && last.group === team.group) last.teams.push(team);
      else out.push({ group: team.group, teams: [team] });
    }
    return out;
  }, [board.teams, drawnRows]);

  // Presented, the room sees every iteration it can read at once, and the rest a step away: the
  // board takes the screen's width and its iterations narrow to ROOM_CELL_FLOOR; beyond that it
  // shows them a screenful at a time, says which ("Iterations 1–7 of 8") in the header row that
  // stays at the window's top, and pages with its buttons or < and >. Not a sideways scroll: the
  // window must not scroll sideways, ← → step the deck and a remote sends nothing else, and a
  // screenful of whole columns is what a facilitator can point at. The desk's board is unchanged:
  // it scrolls in its own box.
  const presenting = theme.room != null;
  const paging = presenting && !printing;
  const [boardWidth, setBoardWidth] = useState(0);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!paging || !element) return;
    setBoardWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setBoardWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [paging]);
  // Both grow with the room's type on a larger screen (1920×1080: half as large again), so the same
  // iterations fit there as at 1280×720 and a team's name keeps its words whole.
  const factor = paging ? (theme.room?.factor ?? 1) : 1;
  const teamColumn = Math.round(TEAM_COLUMN * factor);
  const fit = iterationsThatFit(boardWidth, teamColumn, ROOM_CELL_FLOOR * factor);
  const asked = paging && boardWidth > 0 ? iterationPage(board.columns.length, fit, props.firstIteration ?? 0) : null;
  /** Null when every iteration is shown. */
  const page = asked && asked.end - asked.start < asked.total ? asked : null;
  const paged = page !== null;
  const [shownStart, shownEnd] = page ? [page.start, page.end] : [0, board.columns.length];
  const shown = useMemo(() => board.columns.slice(shownStart, shownEnd), [board.columns, shownStart, shownEnd]);
  const pageRef = useRef(page);
  pageRef.current = page;
  // A card moved by keyboard lands in another cell (a new element): give it the focus back.
  useEffect(() => {
    const key = refocus.current;
    if (!key) return;
    const card = content.current?.querySelector<HTMLElement>(`[data-card="${CSS.escape(key)}"]`);
    if (card && card !== document.activeElement) {
      card.focus();
      card.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      refocus.current = null;
    } else if (!card) {
      // Presented a page at a time, it landed in an iteration not shown: show the page that holds it.
      const current = pageRef.current;
      const columnId = board.cells.find((c) => c.cards.some((k) => k.key === key))?.columnId;
      const column = board.columns.findIndex((c) => c.id === columnId);
      if (current && column >= 0) latest.current.onFirstIteration?.(pageShowing(current, column));
    }
  }, [board, shownStart]);
  useEffect(() => {
    if (!paged) return;
    const onKey = (event: KeyboardEvent) => {
      const direction = iterationPageStep(event);
      const current = pageRef.current;
      if (direction === null || !current || event.defaultPrevented || keyBelongsToControl(event.target, event.key)) return;
      event.preventDefault();
      latest.current.onFirstIteration?.(steppedPage(current, direction));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [paged]);
  // Presented, the columns share the width whatever their content (the fit is counted above, so
  // nothing is pushed past the edge); at a desk they keep their width and the box scrolls.
  const columns = paging ? `${teamColumn}px repeat(${shown.length}, minmax(0, 1fr))` : `${TEAM_COLUMN}px repeat(${board.columns.length}, minmax(${CELL_MIN}px, 1fr))`;
  const border = `1px solid ${theme.palette.divider}`;
  return (
    <>
      <BoardStyles />
      {/* Presented, the side panel goes below: the board takes the screen's width. */}
      <Box sx={{ display: 'flex', gap: 2, alignItems: presenting ? 'stretch' : 'flex-start', flexDirection: presenting ? 'column' : { xs: 'column', lg: 'row' } }}>
        <Box
          ref={scroller}
          sx={{
            overflow: 'auto',
            flex: 1,
            minWidth: 0,
            maxWidth: '100%',
            maxHeight: { lg: 'calc(100vh - 250px)' },
            // Presented, the board is as tall as its rows and the window scrolls them (↑ ↓, as a
            // remote cannot scroll a box inside the page): at the room's type a screen holds a row or
            // two. Clipped, not scrolled, so the iterations' header row sticks to the window's top.
            [`html[${PRESENTING_ATTRIBUTE}] &`]: { maxHeight: 'none', overflow: 'clip' },
            minHeight: 320,
            border,
            borderRadius: 1,
            bgcolor: 'background.paper',
            // On paper: pages of their own turned sideways (room-styles.ts), the whole board scaled to
            // their width rather than cut at the edge.
            '@media print': { page: PRINT_PAGE, zoom: Math.min(1, PRINT_WIDTH / (TEAM_COLUMN + board.columns.length * CELL_MIN)) },
          }}
          data-testid="program-board"
          role="region"
          aria-label={`Program board of ${board.increment.name}`}
          tabIndex={0}
        >
          <Box
            ref={content}
            sx={{
              position: 'relative',
              isolation: 'isolate',
              display: 'grid',
              gridTemplateColumns: columns,
              minWidth: paging ? 0 : TEAM_COLUMN + board.columns.length * CELL_MIN,
              // Presented, a word longer than its narrow column breaks rather than spilling into the next.
              overflowWrap: paging ? 'anywhere' : undefined,
            }}
          >
            {/* The header row is a one-row table of its own (laid out by the board's grid): column headers need a row and a table around them. */}
            <Box role="table" aria-label="Iterations" sx={{ display: 'contents' }}>
              <Box role="row" sx={{ display: 'contents' }}>
                <Box role="columnheader" sx={{ position: 'sticky', left: 0, top: 0, zIndex: 4, bgcolor: 'background.paper', borderBottom: border, borderRight: border, p: 1 }}>
                  {page ? <IterationPager page={page} onStep={(direction) => props.onFirstIteration?.(steppedPage(page, direction))} /> : <Typography variant="subtitle2">Team</Typography>}
                </Box>
                {shown.map((c) => (
                  <Box key={c.id} role="columnheader" sx={{ position: 'sticky', top: 0, zIndex: 3, bgcolor: 'background.paper', borderBottom: border, borderRight: border, p: 1 }}>
                    <Typography variant="subtitle2">{c.name}</Typography>
                    <Typography variant="caption" color="text.secondary">
                      {c.start} – {c.end}
                    </Typography>
                  </Box>
                ))}
              </Box>
            </Box>
            <MilestoneLane board={board} columns={shown} border={border} teamName={teamName} />
            {groups.map(({ group, teams }) => (
              <GroupRows key={group} group={group} columns={shown.length + 1} border={border}>
                {teams.map((team) => (
                  <Fragment key={team.key}>
                    <TeamHeader teamKey={team.key} name={team.name} border={border} focused={props.focus.team === team.key} handlers={handlers} />
                    {shown.map((column) => {
                      const cell = cells.get(cellId(team.key, column.id));
                      if (!cell) return <Box key={column.id} sx={{ borderBottom: border, borderRight: border }} />;
                      return (
                        <Cell
                          key={column.id}
                          cell={cell}
                          teamName={team.name}
                          iterationName={column.name}
                          unit={board.increment.capacityUnit}
                          border={border}
                          focusCard={props.focus.card !== null && cell.cards.some((c) => c.key === props.focus.card) ? props.focus.card : null}
                          states={cell.cards.map((c) => states.get(c.key) ?? '').join('|')}
                          changes={cell.cards.map((c) => props.changed.get(c.key) ?? '').join('|')}
                          risks={cellRisks(cell, riskLines)}
                          handlers={handlers}
                        />
                      );
                    })}
                  </Fragment>
                ))}
              </GroupRows>
            ))}
            {drawnRows < board.teams.length && <Box aria-hidden data-testid="rows-to-come" sx={{ gridColumn: '1 / -1', height: rowsHeight(passes.rows.slice(drawnRows)) }} />}
            <DependencyLines board={board} container={content} viewport={scroller} everywhere={printing} focus={props.focus} showAll={props.showAllLines} onTime={props.lineOdds} drawnRows={drawnRows} complete={drawnRows >= board.teams.length} page={page} />
          </Box>
        </Box>
        {props.sidePanel}
      </Box>
    </>
  );
});

/**
 * The team column's header on a presented board that shows some of its iterations: which ones
 * ("Iterations 1–7 of 8", in the header row that stays at the window's top, so the room always
 * sees that there are more) and the buttons that show the others (< and > do the same).
 */
function IterationPager({ page, onStep }: { page: IterationPage; onStep(direction: 1 | -1): void }) {
  const button = { border: 1, borderColor: 'divider', borderRadius: 1, p: 0.25 } as const;
  const { noun, range } = iterationPageLabel(page);
  const earlier = useRef<HTMLButtonElement>(null);
  const later = useRef<HTMLButtonElement>(null);
  const first = page.start === 0;
  const last = page.end >= page.total;
  // The button that reached the end is disabled under the focus, and the browser drops the focus to
  // the page's body: a facilitator paging by keyboard or with a clicker's Enter would have lost the
  // pager. The focus goes to the other button, which leads back. Chromium blurs the button as
  // React disables it (that blur sees it disabled, a blur of the user's does not), while React
  // hands no event to its handlers: listened to natively. A browser that waits to blur it still has
  // it focused when the layout effect runs.
  const dropped = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    const buttons = [earlier.current, later.current].filter((b) => b !== null);
    const onBlur = (event: FocusEvent) => {
      const button = event.currentTarget as HTMLButtonElement;
      if (button.disabled) dropped.current = button;
    };
    for (const b of buttons) b.addEventListener('blur', onBlur);
    return () => {
      for (const b of buttons) b.removeEventListener('blur', onBlur);
    };
  }, []);
  useLayoutEffect(() => {
    const lost = dropped.current;
    dropped.current = null;
    const focused = document.activeElement;
    const stranded = (button: HTMLButtonElement | null) => button !== null && (focused === button || (lost === button && (focused === null || focused === document.body)));
    if (last && stranded(later.current)) earlier.current?.focus();
    else if (first && stranded(earlier.current)) later.current?.focus();
  }, [first, last]);
  return (
    <Box data-testid="iteration-pager">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
        <Typography variant="subtitle2" sx={{ flex: 1 }}>
          Team
        </Typography>
        <IconButton ref={earlier} size="small" sx={button} aria-label="Earlier iterations" aria-keyshortcuts="<" title="Earlier iterations (<)" disabled={first} onClick={() => onStep(-1)}>
          <ChevronLeftIcon />
        </IconButton>
        <IconButton ref={later} size="small" sx={button} aria-label="Later iterations" aria-keyshortcuts=">" title="Later iterations (>)" disabled={last} onClick={() => onStep(1)}>
          <ChevronRightIcon />
        </IconButton>
      </Box>
      {/* "Iterations" above "1–7 of 8", not "Iterations 1–7 of" above "8". */}
      <Typography variant="body2" aria-live="polite" sx={{ mt: 0.5 }}>
        {noun} <Box component="span" sx={{ whiteSpace: 'nowrap' }}>{range}</Box>
      </Typography>
    </Box>
  );
}

function MilestoneLane({ board: b, columns, border: line, teamName: names }: { board: Board; columns: Board['columns']; border: string; teamName: Map<string, string> }) {
  const theme = useTheme();
  const room = theme.room != null;
  return (
    <>
      <Box sx={{ position: 'sticky', left: 0, zIndex: 2, bgcolor: 'background.paper', borderBottom: line, borderRight: line, p: 1 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          Milestones
        </Typography>
      </Box>
      {columns.map((c) => (
        <Box key={c.id} data-milestones={c.id} sx={{ borderBottom: line, borderRight: line, p: 0.5, display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
          {b.milestones
            .filter((m) => m.columnId === c.id)
            .map((m) => {
              // A day no iteration holds is drawn in the nearest, against the edge facing its day (the
              // milestones come by date, so one before the column's days is first; one after goes to
              // the right), outlined rather than filled and saying where it lies.
              const gap = milestoneGapText(m, b.columns);
              return (
                // In the room's narrow columns the name flows on from the flag and wraps under it (set beside
                // the flag it ran a word a line, and "Onboarding" spilled into the next iteration), its date
                // kept on one line.
                <Box
                  key={m.id}
                  data-testid="milestone"
                  data-outside={m.outside ?? undefined}
                  sx={{
                    display: room || gap ? 'block' : 'inline-flex',
                    alignItems: 'center',
                    gap: 0.5,
                    px: 0.75,
                    py: 0.25,
                    borderRadius: 1,
                    ...(gap ? { border: `2px dashed ${theme.palette.secondary.main}`, ml: m.outside === 'after' ? 'auto' : undefined } : { bgcolor: alpha(theme.palette.secondary.main, 0.15) }),
                  }}
                >
                  <FlagIcon fontSize="small" aria-hidden sx={room || gap ? { verticalAlign: 'text-bottom', mr: 0.5 } : undefined} />
                  <Typography variant="body2" sx={room || gap ? { display: 'inline' } : undefined}>
                    {m.name} · {room ? <Box component="span" sx={{ whiteSpace: 'nowrap' }}>{m.date.slice(5)}</Box> : m.date.slice(5)}
                    {m.teamKey ? ` · ${names.get(m.teamKey) ?? m.teamKey}` : ''}
                  </Typography>
                  {gap && (
                    <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>
                      {gap}
                    </Typography>
                  )}
                </Box>
              );
            })}
        </Box>
      ))}
    </>
  );
}

function GroupRows({ group, columns, border, children }: { group: string; columns: number; border: string; children: ReactNode }) {
  return (
    <>
      <Box sx={{ gridColumn: `1 / span ${columns}`, px: 1, py: 0.5, borderBottom: border, bgcolor: 'action.hover' }}>
        <Typography variant="subtitle2" component="h3" sx={{ position: 'sticky', left: 8, display: 'inline-block' }}>
          {group}
        </Typography>
      </Box>
      {children}
    </>
  );
}

const TeamHeader = memo(function TeamHeader(props: { teamKey: string; name: string; border: string; focused: boolean; handlers: BoardHandlers }) {
  return (
    <Box
      component="button"
      type="button"
      data-print-keep
      onClick={() => props.handlers.focusTeam(props.teamKey)}
      aria-pressed={props.focused}
      title={props.focused ? 'Show the lines of the selection again' : `Show only ${props.name}’s dependency lines`}
      sx={{
        position: 'sticky',
        left: 0,
        zIndex: 2,
        // A button centres its content; in a tall row the team's name would sit below the screen.
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'flex-start',
        textAlign: 'left',
        font: 'inherit',
        color: 'inherit',
        cursor: 'pointer',
        border: 0,
        borderBottom: props.border,
        borderRight: props.border,
        bgcolor: props.focused ? 'action.selected' : 'background.paper',
        p: 1,
      }}
    >
      <Typography variant="body1" sx={{ fontWeight: 600 }}>
        {props.name}
      </Typography>
    </Box>
  );
});

interface CellProps {
  cell: BoardCell;
  teamName: string;
  iterationName: string;
  unit: 'items' | 'points';
  border: string;
  /** The card in focus when it is in this cell. */
  focusCard: string | null;
  /** Per card, "|"-joined: the states of its dependencies, and what changed since the baseline. */
  states: string;
  changes: string;
  /** Per card, its open risks' lines (cellRisks). */
  risks: string;
  handlers: BoardHandlers;
}

/** The card under the pointer to drop before: the one hovered, or the next when over its lower half. */
function dropBefore(event: DragEvent<HTMLElement>, cell: HTMLElement): string | null {
  const over = (event.target as HTMLElement).closest<HTMLElement>('[data-card]');
  if (!over || !cell.contains(over)) return null;
  const { top, height } = over.getBoundingClientRect();
  if (event.clientY < top + height / 2) return over.dataset.card!;
  const next = over.nextElementSibling as HTMLElement | null;
  return next?.dataset.card ?? null;
}

const Cell = memo(function Cell(props: CellProps) {
  const { cell } = props;
  const share = cell.capacity ? Math.min(1, cell.load / cell.capacity) : 0;
  const states = props.states.split('|');
  const changes = props.changes.split('|');
  const risks = props.risks ? (JSON.parse(props.risks) as string[]) : [];
  // Hover highlighting by class, not state: dragging across the board re-renders nothing.
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    event.currentTarget.classList.add('ilk-drop');
  };
  const onDrop = (event: DragEvent<HTMLElement>) => {
    const itemKey = event.dataTransfer.getData(DRAG_TYPE);
    event.currentTarget.classList.remove('ilk-drop');
    if (!itemKey) return;
    event.preventDefault();
    props.handlers.drop(itemKey, cell.teamKey, cell.columnId, dropBefore(event, event.currentTarget));
  };
  return (
    <div
      className="ilk-cell"
      data-over={cell.over || undefined}
      data-testid={cellId(cell.teamKey, cell.columnId)}
      role="group"
      aria-label={`${props.teamName}, ${props.iterationName}: ${cell.cards.length} items${cell.capacity !== null ? `, load ${cell.load} of ${cell.capacity}${cell.over ? ', over capacity' : ''}` : ''}`}
      style={{ borderBottom: props.border, borderRight: props.border }}
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) e.currentTarget.classList.remove('ilk-drop');
      }}
      onDrop={onDrop}
    >
      <div className="ilk-cell-head">
        <button type="button" className="ilk-load" data-print-keep onClick={(e) => props.handlers.capacity(cell, e.currentTarget)} title={`Load / capacity in ${props.unit}: click to set the capacity`}>
          {cell.over ? '⚠ ' : ''}
          {round(cell.load)}
          {cell.capacity !== null ? ` / ${round(cell.capacity)}` : ''}
          {cell.over ? ' over' : ''}
        </button>
        <span className="ilk-bar" aria-hidden>
          {cell.capacity !== null && <span style={{ width: `${share * 100}%` }} />}
        </span>
        <button type="button" className="ilk-add" onClick={() => props.handlers.add(cell.teamKey, cell.columnId)} aria-label={`Add an item to ${props.teamName}, ${props.iterationName}`} title="Add an item here">
          +
        </button>
      </div>
      <div className="ilk-cards">
        {cell.cards.map((card, i) => (
          <BoardCardView
            key={card.key}
            card={card}
            cell={cell}
            showSprint={card.iterationId !== cell.columnId}
            states={states[i] ?? ''}
            focused={props.focusCard === card.key}
            change={changes[i] || null}
            risks={risks[i] ?? ''}
            handlers={props.handlers}
          />
        ))}
      </div>
    </div>
  );
});

const ARROWS: Record<string, 'left' | 'right' | 'up' | 'down'> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

const BoardCardView = memo(function BoardCardView(props: { card: BoardCard; cell: BoardCell; showSprint: boolean; states: string; focused: boolean; change: string | null; risks: string; handlers: BoardHandlers }) {
  const { card, cell } = props;
  const kinds = props.states ? (props.states.split(',') as DependencyKind[]) : [];
  const risks = props.risks ? props.risks.split('\n') : [];
  const troubles = kinds.filter((s) => s !== 'ok').map(stateOfKind);
  const onKeyDown = (event: ReactKeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' || event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      event.preventDefault();
      props.handlers.cardMenu(card, cell.teamKey, event.currentTarget);
    } else if (event.key === ' ') {
      event.preventDefault();
      props.handlers.focusCard(card.key);
    } else if (event.altKey && ARROWS[event.key]) {
      event.preventDefault();
      props.handlers.step(card.key, { teamKey: cell.teamKey, columnId: cell.columnId }, ARROWS[event.key]!);
    }
  };
  const edge = troubles.includes('conflict') ? STATE_STYLE.conflict.color : troubles.length ? STATE_STYLE[troubles[0]!].color : undefined;
  // A plain element styled by the board's one stylesheet (BoardStyles): two thousand cards
  // re-render in milliseconds, where styling each through `sx` took seconds.
  return (
    <div
      tabIndex={0}
      role="button"
      data-print-keep
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, card.key);
        e.dataTransfer.setData('text/plain', card.key);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onKeyDown={onKeyDown}
      // The risk marker is no control of its own (a button inside the card, itself a button, would nest
      // one control in another): a click on it lists the card's risks, as "Its risks…" in the card's
      // menu does by keyboard.
      onClick={(e) => (risks.length > 0 && (e.target as Element).closest('.ilk-risk') ? props.handlers.risks(card, cell.teamKey) : props.handlers.focusCard(card.key))}
      onContextMenu={(e) => {
        e.preventDefault();
        props.handlers.cardMenu(card, cell.teamKey, e.currentTarget);
      }}
      className="ilk-card"
      data-card={card.key}
      data-focused={props.focused || undefined}
      data-done={card.done || undefined}
      aria-pressed={props.focused}
      aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight Alt+ArrowUp Alt+ArrowDown Enter"
      style={edge ? { borderLeftColor: edge } : undefined}
    >
      <CardFace cardKey={card.key} title={card.title} size={card.size} sprint={props.showSprint ? card.iterationName : null} kinds={kinds} change={props.change} risks={risks} />
      {/* Named by what it shows (a name that differs from the visible text fails voice control); the rest is only heard. */}
      {(card.done || troubles.length > 0 || risks.length > 0) && (
        <span className="ilk-sr">{`${card.done ? ', done' : ''}${troubles.length ? `, ${troubles.length} dependency problems` : ''}${risks.length ? `, ${openRisksText(risks.length)}: ${risks.join('; ')}` : ''}`}</span>
      )}
    </div>
  );
});

function CardFace(props: { cardKey: string; title: string; size?: number | null; sprint?: string | null; kinds?: readonly DependencyKind[]; change?: string | null; risks?: readonly string[] }) {
  const risks = props.risks ?? [];
  return (
    <div>
      <div className="ilk-card-head">
        <span className="ilk-key">{displayKey(props.cardKey)}</span>
        {props.size !== undefined && props.size !== null && (
          <span className="ilk-size">
            <span className="ilk-sr">size </span>
            {props.size}
          </span>
        )}
        {props.sprint && <span className="ilk-muted">{props.sprint}</span>}
        {/* Drawn by state (a cancelled provider's as unplanned), titled with each kind: "1 provider not planned, 1 provider cancelled". */}
        {dependencyBadges(props.kinds ?? []).map((badge) => (
          <span key={badge.state} className="ilk-state" style={{ color: STATE_STYLE[badge.state].color }} title={badge.title}>
            {badge.symbol}
            {badge.count > 1 ? badge.count : ''}
          </span>
        ))}
        {/* A symbol and a count, never colour alone; its title names each risk and how it is linked. */}
        {risks.length > 0 && (
          <span className="ilk-risk" title={`${openRisksText(risks.length)}:\n${risks.join('\n')}\n(click to list them)`}>
            ⚠{risks.length}
          </span>
        )}
        {props.change && <span className="ilk-change">{props.change}</span>}
      </div>
      <div className="ilk-title">{props.title}</div>
    </div>
  );
}

/** The board's stylesheet, once per theme: cards are plain elements (see SortableCard). */
export function BoardStyles() {
  const theme = useTheme();
  const { palette, typography } = theme;
  return (
    <GlobalStyles
      styles={{
        // Not positioned: two thousand cards with a layer each made every hover's hit test and every
        // paint walk them all. The lines lie below them instead (see DependencyLines' z-index).
        '.ilk-card': {
          borderRadius: theme.shape.borderRadius,
          border: `1px solid ${palette.divider}`,
          borderLeft: `4px solid ${palette.divider}`,
          background: palette.background.paper,
          padding: '4px 6px',
          cursor: 'grab',
          touchAction: 'none',
          outlineOffset: 2,
        },
        '.ilk-card[data-focused]': { borderColor: palette.primary.main, boxShadow: theme.shadows[3] },
        '.ilk-card[data-done] .ilk-title': { textDecoration: 'line-through' },
        '.ilk-card:focus-visible': { outline: `3px solid ${palette.primary.main}` },
        '.ilk-card[draggable]:active': { cursor: 'grabbing' },
        // Each cell lays out on its own: a card moving in one does not re-lay the board. Its padding
        // holds the arrowhead of a line to another page (DependencyLines), clear of every card.
        '.ilk-cell': { padding: CARD_GUTTER, minHeight: 72, contain: 'layout style' },
        '.ilk-cell[data-over]': { background: alpha(palette.error.main, 0.06) },
        '.ilk-cell.ilk-drop': { background: palette.action.hover, outline: `2px dashed ${palette.primary.main}`, outlineOffset: -3 },
        '.ilk-cell-head': { display: 'flex', alignItems: 'center', gap: 4, marginBottom: 4 },
        '.ilk-load': { font: 'inherit', fontSize: typography.caption.fontSize, color: palette.text.secondary, background: 'transparent', border: 0, padding: 0, cursor: 'pointer' },
        '.ilk-cell[data-over] .ilk-load': { color: palette.error.main, fontWeight: 700 },
        '.ilk-bar': { flex: 1, height: 4, borderRadius: 2, background: palette.action.hover, overflow: 'hidden', display: 'block' },
        '.ilk-bar > span': { display: 'block', height: '100%', background: palette.primary.main },
        '.ilk-cell[data-over] .ilk-bar > span': { background: palette.error.main },
        '.ilk-add': { font: 'inherit', fontSize: typography.body1.fontSize, lineHeight: 1, width: '1.6em', height: '1.6em', borderRadius: '50%', border: 0, background: 'transparent', color: palette.text.primary, cursor: 'pointer' },
        '.ilk-add:hover': { background: palette.action.hover },
        '.ilk-cards': { display: 'flex', flexDirection: 'column', gap: 4 },
        '.ilk-card-head': { display: 'flex', gap: 4, alignItems: 'baseline', flexWrap: 'wrap', ...typography.caption },
        '.ilk-key': { fontWeight: 700 },
        '.ilk-size': { padding: '0 4px', borderRadius: 4, background: palette.action.selected },
        '.ilk-muted': { color: palette.text.secondary },
        '.ilk-note': { fontSize: typography.caption.fontSize },
        '.ilk-sr': visuallyHidden,
        '.ilk-state': { fontWeight: 700 },
        // In the text's colour (read on either theme and on paper), outlined in the warning colour:
        // set apart from the dependency badges, which take their state's colour.
        '.ilk-risk': { fontWeight: 700, whiteSpace: 'nowrap', padding: '0 4px', borderRadius: 4, border: `1px solid ${palette.warning.main}`, background: alpha(palette.warning.main, 0.12), color: palette.text.primary },
        '.ilk-card .ilk-risk': { cursor: 'pointer' },
        '.ilk-change': { fontWeight: 700, color: palette.secondary.main },
        // Clamped to two lines at a desk; whole in the room, where its narrower columns wrap it onto more.
        '.ilk-title': { ...typography.body2, lineHeight: 1.3, ...(theme.room ? {} : { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }) },
        // Paper shows every overflow (room-styles.ts), so a clamped title would run into the next line: whole there.
        '@media print': { '.ilk-title': { display: 'block' } },
      }}
    />
  );
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** A backlog item that can be dragged onto the board. */
export function BacklogCard({ itemKey, title, detail }: { itemKey: string; title: string; detail: string }) {
  return (
    <div
      className="ilk-card"
      draggable
      tabIndex={0}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, itemKey);
        e.dataTransfer.setData('text/plain', itemKey);
        e.dataTransfer.effectAllowed = 'move';
      }}
      data-backlog={itemKey}
      aria-label={`${displayKey(itemKey)} ${title}: drag onto the board`}
    >
      <CardFace cardKey={itemKey} title={title} />
      <span className="ilk-muted ilk-note">
        {detail}
      </span>
    </div>
  );
}
