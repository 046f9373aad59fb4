import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  closestCorners,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import FlagIcon from '@mui/icons-material/FlagOutlined';
import { alpha, useTheme } from '@mui/material/styles';
import { memo, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import type { Board, BoardCard, BoardCell, BoardDependency } from '../../../shared/planning/board-schema';
import { DEPENDENCY_STATE_TEXT } from '../../../shared/planning/dependency-state';
import { displayKey } from '../../../shared/planning/local-keys';
import { DependencyLines } from './DependencyLines';
import { backlogId, cellId, parseCellId, STATE_STYLE } from './plan-style';

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
  /** Cards changed since the compared baseline: key → what happened. */
  changed: ReadonlyMap<string, string>;
  onFocus(focus: BoardFocus): void;
  onPlace(request: PlaceRequest): void;
  onCardMenu(card: BoardCard, teamKey: string, anchor: HTMLElement): void;
  onAddToCell(teamKey: string, columnId: number): void;
  onCapacity(cell: BoardCell, anchor: HTMLElement): void;
  /** The backlog's draggable items live outside the board but inside its drag context. */
  sidePanel: ReactNode;
}

const TEAM_COLUMN = 180;
const CELL_MIN = 200;

/** The iteration a card dropped into a cell lands in: the team's own sprint in that column, else the column. */
export function targetIteration(board: Board, teamKey: string, columnId: number, beforeCard: BoardCard | null): number {
  if (beforeCard) return beforeCard.iterationId;
  const sprints = board.increment.iterations.filter((i) => i.teamKey === teamKey && i.columnId === columnId);
  return sprints.at(-1)?.id ?? columnId;
}

function cardLines(board: Board): Map<string, BoardDependency[]> {
  const lines = new Map<string, BoardDependency[]>();
  for (const d of board.dependencies) {
    for (const key of [d.consumer.itemKey, d.provider.itemKey]) lines.set(key, [...(lines.get(key) ?? []), d]);
  }
  return lines;
}

/**
 * The program board: teams (grouped) × iterations, a milestones lane, cards that move by mouse or
 * keyboard (Space lifts a card, the arrows carry it from cell to cell, Space drops it, Escape puts
 * it back), load against capacity in every cell, and the dependency lines of what is in focus.
 */
export function ProgramBoard(props: ProgramBoardProps) {
  const { board } = props;
  const theme = useTheme();
  const content = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState<{ key: string; title: string } | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const teamName = useMemo(() => new Map(board.teams.map((t) => [t.key, t.name])), [board.teams]);
  const columnName = useMemo(() => new Map(board.columns.map((c) => [c.id, c.name])), [board.columns]);
  const cells = useMemo(() => new Map(board.cells.map((c) => [cellId(c.teamKey, c.columnId), c])), [board.cells]);
  const cardCell = useMemo(() => {
    const found = new Map<string, BoardCell>();
    for (const cell of board.cells) for (const card of cell.cards) found.set(card.key, cell);
    return found;
  }, [board.cells]);
  const lines = useMemo(() => cardLines(board), [board]);

  const where = (id: string | number | undefined): string => {
    if (id === undefined) return 'nowhere';
    const text = String(id);
    const cell = parseCellId(text) ?? (cardCell.get(text) ? { teamKey: cardCell.get(text)!.teamKey, columnId: cardCell.get(text)!.columnId } : null);
    return cell ? `${teamName.get(cell.teamKey) ?? cell.teamKey}, ${columnName.get(cell.columnId) ?? ''}` : 'outside the board';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${displayKey(String(active.data.current?.itemKey ?? active.id))}. Use the arrow keys to move it between cells, Space to drop it, Escape to cancel.`,
    onDragOver: ({ active, over }) => `${displayKey(String(active.data.current?.itemKey ?? active.id))} is over ${where(over?.id)}.`,
    onDragEnd: ({ active, over }) => (over ? `Dropped ${displayKey(String(active.data.current?.itemKey ?? active.id))} in ${where(over.id)}.` : 'Dropped outside the board: nothing changed.'),
    onDragCancel: ({ active }) => `Put ${displayKey(String(active.data.current?.itemKey ?? active.id))} back where it was.`,
  };

  const onDragStart = (event: DragStartEvent) => {
    setDragging({ key: String(event.active.data.current?.itemKey ?? event.active.id), title: String(event.active.data.current?.title ?? '') });
  };
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    const { active, over } = event;
    if (!over) return;
    const itemKey = String(active.data.current?.itemKey ?? active.id);
    const overId = String(over.id);
    const overCell = parseCellId(overId) ?? (cardCell.get(overId) ? { teamKey: cardCell.get(overId)!.teamKey, columnId: cardCell.get(overId)!.columnId } : null);
    if (!overCell) return;
    const cell = cells.get(cellId(overCell.teamKey, overCell.columnId));
    const beforeCard = parseCellId(overId) ? null : (cell?.cards.find((c) => c.key === overId) ?? null);
    if (beforeCard?.key === itemKey) return;
    const from = cardCell.get(itemKey);
    if (from && from.teamKey === overCell.teamKey && from.columnId === overCell.columnId && !beforeCard) return;
    props.onPlace({ itemKey, teamKey: overCell.teamKey, iterationId: targetIteration(board, overCell.teamKey, overCell.columnId, beforeCard), beforeItemKey: beforeCard?.key ?? null });
  };

  const groups = useMemo(() => {
    const out: { group: string; teams: Board['teams'] }[] = [];
    for (const team of board.teams) {
      const last = out.at(-1);
      if (last && last.group === team.group) last.teams.push(team);
      else out.push({ group: team.group, teams: [team] });
    }
    return out;
  }, [board.teams]);

  const columns = `${TEAM_COLUMN}px repeat(${board.columns.length}, minmax(${CELL_MIN}px, 1fr))`;
  const border = `1px solid ${theme.palette.divider}`;
  return (
    <DndContext sensors={sensors} collisionDetection={closestCorners} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)} accessibility={{ announcements, screenReaderInstructions: { draggable: 'To move a card, press Space, then the arrow keys; Space again drops it, Escape cancels. Enter opens its menu.' } }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexDirection: { xs: 'column', lg: 'row' } }}>
        <Box
          sx={{ overflow: 'auto', flex: 1, minWidth: 0, maxWidth: '100%', maxHeight: { lg: 'calc(100vh - 250px)' }, minHeight: 320, border, borderRadius: 1, bgcolor: 'background.paper' }}
          data-testid="program-board"
          role="region"
          aria-label={`Program board of ${board.increment.name}`}
          tabIndex={0}
        >
          <Box ref={content} sx={{ position: 'relative', display: 'grid', gridTemplateColumns: columns, minWidth: TEAM_COLUMN + board.columns.length * CELL_MIN }}>
            <Box sx={{ position: 'sticky', left: 0, top: 0, zIndex: 4, bgcolor: 'background.paper', borderBottom: border, borderRight: border, p: 1 }}>
              <Typography variant="subtitle2">Team</Typography>
            </Box>
            {board.columns.map((c) => (
              <Box key={c.id} role="columnheader" sx={{ position: 'sticky', top: 0, zIndex: 3, bgcolor: 'background.paper', borderBottom: border, borderRight: border, p: 1 }}>
                <Typography variant="subtitle2">{c.name}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {c.start} – {c.end}
                </Typography>
              </Box>
            ))}
            <MilestoneLane board={board} border={border} teamName={teamName} />
            {groups.map(({ group, teams }) => (
              <GroupRows key={group} group={group} columns={board.columns.length + 1} border={border}>
                {teams.map((team) => (
                  <TeamRow
                    key={team.key}
                    team={team}
                    board={board}
                    cells={cells}
                    border={border}
                    focused={props.focus.team === team.key}
                    focusCard={props.focus.card}
                    lines={lines}
                    changed={props.changed}
                    onFocusTeam={() => props.onFocus({ card: null, team: props.focus.team === team.key ? null : team.key })}
                    onFocusCard={(key) => props.onFocus({ card: props.focus.card === key ? null : key, team: null })}
                    onCardMenu={props.onCardMenu}
                    onAdd={(columnId) => props.onAddToCell(team.key, columnId)}
                    onCapacity={props.onCapacity}
                  />
                ))}
              </GroupRows>
            ))}
            <DependencyLines board={board} container={content} focus={props.focus} showAll={props.showAllLines} />
          </Box>
        </Box>
        {props.sidePanel}
      </Box>
      <DragOverlay>{dragging ? <CardFace cardKey={dragging.key} title={dragging.title} lifted /> : null}</DragOverlay>
    </DndContext>
  );
}

function MilestoneLane({ board: b, border: line, teamName: names }: { board: Board; border: string; teamName: Map<string, string> }) {
  const theme = useTheme();
  return (
    <>
      <Box sx={{ position: 'sticky', left: 0, zIndex: 2, bgcolor: 'background.paper', borderBottom: line, borderRight: line, p: 1 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          Milestones
        </Typography>
      </Box>
      {b.columns.map((c) => (
        <Box key={c.id} sx={{ borderBottom: line, borderRight: line, p: 0.5, display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
          {b.milestones
            .filter((m) => m.columnId === c.id)
            .map((m) => (
              <Box key={m.id} data-testid="milestone" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, px: 0.75, py: 0.25, borderRadius: 1, bgcolor: alpha(theme.palette.secondary.main, 0.15) }}>
                <FlagIcon fontSize="small" aria-hidden />
                <Typography variant="body2">
                  {m.name} · {m.date.slice(5)}
                  {m.teamKey ? ` · ${names.get(m.teamKey) ?? m.teamKey}` : ''}
                </Typography>
              </Box>
            ))}
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

interface TeamRowProps {
  team: Board['teams'][number];
  board: Board;
  cells: Map<string, BoardCell>;
  border: string;
  focused: boolean;
  focusCard: string | null;
  lines: Map<string, BoardDependency[]>;
  changed: ReadonlyMap<string, string>;
  onFocusTeam(): void;
  onFocusCard(key: string): void;
  onCardMenu(card: BoardCard, teamKey: string, anchor: HTMLElement): void;
  onAdd(columnId: number): void;
  onCapacity(cell: BoardCell, anchor: HTMLElement): void;
}

function TeamRow(props: TeamRowProps) {
  const { team, board, border } = props;
  return (
    <>
      <Box
        component="button"
        type="button"
        onClick={props.onFocusTeam}
        aria-pressed={props.focused}
        title={props.focused ? 'Show the lines of the selection again' : `Show only ${team.name}’s dependency lines`}
        sx={{
          position: 'sticky',
          left: 0,
          zIndex: 2,
          textAlign: 'left',
          font: 'inherit',
          color: 'inherit',
          cursor: 'pointer',
          border: 0,
          borderBottom: border,
          borderRight: border,
          bgcolor: props.focused ? 'action.selected' : 'background.paper',
          p: 1,
        }}
      >
        <Typography variant="body1" sx={{ fontWeight: 600 }}>
          {team.name}
        </Typography>
      </Box>
      {board.columns.map((column) => {
        const cell = props.cells.get(cellId(team.key, column.id));
        return cell ? (
          <Cell key={column.id} {...props} cell={cell} unit={board.increment.capacityUnit} />
        ) : (
          <Box key={column.id} sx={{ borderBottom: border, borderRight: border }} />
        );
      })}
    </>
  );
}

function Cell(props: TeamRowProps & { cell: BoardCell; unit: 'items' | 'points' }) {
  const { cell, border } = props;
  const { setNodeRef, isOver } = useDroppable({ id: cellId(cell.teamKey, cell.columnId), data: { teamKey: cell.teamKey, columnId: cell.columnId } });
  const share = cell.capacity ? Math.min(1, cell.load / cell.capacity) : 0;
  const iterationName = props.board.columns.find((c) => c.id === cell.columnId)?.name ?? '';
  return (
    <Box
      ref={setNodeRef}
      data-testid={cellId(cell.teamKey, cell.columnId)}
      role="group"
      aria-label={`${props.team.name}, ${iterationName}: ${cell.cards.length} items${cell.capacity !== null ? `, load ${cell.load} of ${cell.capacity}${cell.over ? ', over capacity' : ''}` : ''}`}
      sx={{ borderBottom: border, borderRight: border, p: 0.75, minHeight: 72, bgcolor: isOver ? 'action.hover' : cell.over ? (t) => alpha(t.palette.error.main, 0.06) : undefined }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, mb: 0.5 }}>
        <Box
          component="button"
          type="button"
          onClick={(e) => props.onCapacity(cell, e.currentTarget)}
          title={`Load / capacity in ${props.unit}: click to set the capacity`}
          sx={{ font: 'inherit', color: cell.over ? 'error.main' : 'text.secondary', bgcolor: 'transparent', border: 0, p: 0, cursor: 'pointer', fontSize: (t) => t.typography.caption.fontSize, fontWeight: cell.over ? 700 : 400 }}
        >
          {cell.over ? '⚠ ' : ''}
          {round(cell.load)}
          {cell.capacity !== null ? ` / ${round(cell.capacity)}` : ''}
          {cell.over ? ' over' : ''}
        </Box>
        <Box sx={{ flex: 1, height: 4, borderRadius: 2, bgcolor: 'action.hover', overflow: 'hidden' }} aria-hidden>
          {cell.capacity !== null && <Box sx={{ width: `${share * 100}%`, height: '100%', bgcolor: cell.over ? 'error.main' : 'primary.main' }} />}
        </Box>
        <Tooltip title="Add an item here">
          <IconButton size="small" onClick={() => props.onAdd(cell.columnId)} aria-label={`Add an item to ${props.team.name}, ${iterationName}`}>
            <AddIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Box>
      <SortableContext id={cellId(cell.teamKey, cell.columnId)} items={cell.cards.map((c) => c.key)} strategy={verticalListSortingStrategy}>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }}>
          {cell.cards.map((card) => (
            <SortableCard
              key={card.key}
              card={card}
              teamKey={cell.teamKey}
              showSprint={card.iterationId !== cell.columnId}
              lines={props.lines.get(card.key) ?? []}
              focused={props.focusCard === card.key}
              change={props.changed.get(card.key) ?? null}
              onFocus={() => props.onFocusCard(card.key)}
              onMenu={(anchor) => props.onCardMenu(card, cell.teamKey, anchor)}
            />
          ))}
        </Box>
      </SortableContext>
    </Box>
  );
}

const SortableCard = memo(function SortableCard(props: {
  card: BoardCard;
  teamKey: string;
  showSprint: boolean;
  lines: BoardDependency[];
  focused: boolean;
  change: string | null;
  onFocus(): void;
  onMenu(anchor: HTMLElement): void;
}) {
  const { card } = props;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: card.key, data: { itemKey: card.key, title: card.title } });
  const troubles = props.lines.filter((l) => l.state !== 'ok');
  const onKeyDown = (event: ReactKeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' && !event.defaultPrevented) {
      event.preventDefault();
      props.onMenu(event.currentTarget);
      return;
    }
    listeners?.onKeyDown?.(event);
  };
  return (
    <Box
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
      onClick={props.onFocus}
      onContextMenu={(e) => {
        e.preventDefault();
        props.onMenu(e.currentTarget);
      }}
      data-card={card.key}
      aria-label={`${displayKey(card.key)} ${card.title}${card.size !== null ? `, size ${card.size}` : ''}${card.done ? ', done' : ''}${troubles.length ? `, ${troubles.length} dependency problems` : ''}${props.change ? `, ${props.change}` : ''}`}
      aria-pressed={props.focused}
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.4 : 1 }}
      sx={{
        position: 'relative',
        zIndex: 1,
        borderRadius: 1,
        border: 1,
        borderColor: props.focused ? 'primary.main' : 'divider',
        borderLeftWidth: 4,
        borderLeftColor: troubles.some((l) => l.state === 'conflict') ? STATE_STYLE.conflict.color : troubles.length ? STATE_STYLE[troubles[0]!.state].color : 'divider',
        bgcolor: 'background.paper',
        boxShadow: props.focused ? 3 : 0,
        px: 0.75,
        py: 0.5,
        cursor: 'grab',
        touchAction: 'none',
        outlineOffset: 2,
        textDecoration: card.done ? 'line-through' : undefined,
      }}
    >
      <CardFace cardKey={card.key} title={card.title} size={card.size} sprint={props.showSprint ? card.iterationName : null} lines={props.lines} change={props.change} />
    </Box>
  );
});

function CardFace(props: { cardKey: string; title: string; size?: number | null; sprint?: string | null; lines?: BoardDependency[]; change?: string | null; lifted?: boolean }) {
  const counts = new Map<string, number>();
  for (const l of props.lines ?? []) counts.set(l.state, (counts.get(l.state) ?? 0) + 1);
  return (
    <Box sx={props.lifted ? { bgcolor: 'background.paper', border: 1, borderColor: 'primary.main', borderRadius: 1, px: 0.75, py: 0.5, boxShadow: 6, width: 220 } : undefined}>
      <Box sx={{ display: 'flex', gap: 0.5, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography variant="caption" sx={{ fontWeight: 700 }}>
          {displayKey(props.cardKey)}
        </Typography>
        {props.size !== undefined && props.size !== null && (
          <Typography variant="caption" sx={{ px: 0.5, borderRadius: 0.5, bgcolor: 'action.selected' }}>
            {props.size}
          </Typography>
        )}
        {props.sprint && (
          <Typography variant="caption" color="text.secondary">
            {props.sprint}
          </Typography>
        )}
        {[...counts].map(([state, n]) => (
          <Typography key={state} variant="caption" sx={{ color: STATE_STYLE[state as keyof typeof STATE_STYLE].color, fontWeight: 700 }} title={`${n} ${DEPENDENCY_STATE_TEXT[state as keyof typeof STATE_STYLE].label}`}>
            {DEPENDENCY_STATE_TEXT[state as keyof typeof STATE_STYLE].symbol}
            {n > 1 ? n : ''}
          </Typography>
        ))}
        {props.change && (
          <Typography variant="caption" sx={{ fontWeight: 700, color: 'secondary.main' }}>
            {props.change}
          </Typography>
        )}
      </Box>
      <Typography variant="body2" sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', lineHeight: 1.3 }}>
        {props.title}
      </Typography>
    </Box>
  );
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** A backlog item that can be dragged onto the board (it shares the board's drag context). */
export function BacklogCard({ itemKey, title, detail }: { itemKey: string; title: string; detail: string }) {
  const { attributes, listeners, setNodeRef, isDragging } = useSortable({ id: backlogId(itemKey), data: { itemKey, title } });
  return (
    <Box ref={setNodeRef} {...attributes} {...listeners} data-backlog={itemKey} aria-label={`${displayKey(itemKey)} ${title}: drag onto the board`} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, px: 0.75, py: 0.5, cursor: 'grab', opacity: isDragging ? 0.4 : 1, bgcolor: 'background.paper', touchAction: 'none' }}>
      <CardFace cardKey={itemKey} title={title} />
      <Typography variant="caption" color="text.secondary">
        {detail}
      </Typography>
    </Box>
  );
}
