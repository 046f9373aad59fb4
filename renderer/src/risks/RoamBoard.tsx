import {
  DndContext,
  DragOverlay,
  PointerSensor,
  closestCorners,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { visuallyHidden } from '@mui/utils';
import { Fragment, memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { ROAM_COLUMNS, ROAM_TEXT, lastChange, roamColumns } from '../../../shared/risks/roam';
import type { Risk, RiskStatus } from '../../../shared/risks/risk-schema';
import { ownerLabel, scopeLabel, type ScopeNames } from '../../../shared/risks/risk-scope';
import { formatDateTime } from '../format';
import { columnId, dropTarget, statusOfColumnId } from './roam-drop';
import { cancelText, carryDirection, carryDrop, carryUnmoved, dropText, liftCarry, liftText, stepCarry, stepText, type Carry } from './roam-carry';
import { PRESENTING_ATTRIBUTE } from '../theme/room-styles';

interface RoamBoardProps {
  risks: readonly Risk[];
  names: ScopeNames;
  onMove(key: string, status: RiskStatus, beforeKey: string | null): void;
  onOpen(risk: Risk): void;
  onMenu(risk: Risk, anchor: HTMLElement): void;
}

function linkText(risk: Risk): string | null {
  const parts = [
    risk.links.items.length ? `${risk.links.items.length} ${risk.links.items.length === 1 ? 'item' : 'items'}` : null,
    risk.links.dependencies.length ? `${risk.links.dependencies.length} ${risk.links.dependencies.length === 1 ? 'dependency' : 'dependencies'}` : null,
    risk.links.objectives.length ? `${risk.links.objectives.length} ${risk.links.objectives.length === 1 ? 'objective' : 'objectives'}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

/**
 * The ROAM board: the risks not talked through yet, then Resolved, Owned, Accepted and Mitigated.
 * Cards move by mouse (dnd-kit), or by keyboard (Space lifts a card, the arrows carry it, Space
 * drops it, Escape puts it back: roam-carry.ts, one column or place per arrow however fast the keys
 * come); Enter opens a card's menu, which moves it by name too.
 */
export function RoamBoard(props: RoamBoardProps) {
  const { risks, names } = props;
  const [dragging, setDragging] = useState<Risk | null>(null);
  // The pointer alone: keyboard moves are the board's own (below), not dnd-kit's keyboard sensor.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const columns = useMemo(() => roamColumns(risks), [risks]);
  const byKey = useMemo(() => new Map(risks.map((r) => [r.key, r])), [risks]);
  const where = (id: string | number | undefined): string => {
    if (id === undefined) return 'outside the board';
    const status = statusOfColumnId(String(id)) ?? byKey.get(String(id))?.status;
    return status ? ROAM_TEXT[status].label : 'outside the board';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${active.id}. Use the arrow keys to move it to another column or place, Space to drop it, Escape to cancel.`,
    onDragOver: ({ active, over }) => `${active.id} is over ${where(over?.id)}${over && !statusOfColumnId(String(over.id)) ? `, at ${over.id}` : ''}.`,
    onDragEnd: ({ active, over }) => (over ? `Dropped ${active.id} in ${where(over.id)}.` : `Dropped ${active.id} outside the board: nothing changed.`),
    onDragCancel: ({ active }) => `Put ${active.id} back where it was.`,
  };
  // A card moved to another column is drawn anew there: a keyboard move gives it the focus back
  // once it stands in its new column, so the next keys act on it, as on the Plan board.
  const board = useRef<HTMLDivElement>(null);
  const refocus = useRef<{ key: string; status: RiskStatus } | null>(null);
  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted || byKey.get(wanted.key)?.status !== wanted.status) return;
    refocus.current = null;
    board.current?.querySelector<HTMLElement>(`[data-risk="${globalThis.CSS.escape(wanted.key)}"]`)?.focus();
  }, [byKey]);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    if (!over) return;
    const target = dropTarget(risks, String(active.id), String(over.id));
    if (!target) return;
    props.onMove(String(active.id), target.status, target.beforeKey);
  };

  // A card carried by keyboard. Each key is worked out at once from the board's columns, in the
  // ref that the next key reads whether or not React has drawn the last one yet, so no key typed at
  // speed is lost or counted twice; the state draws where it would land.
  const [carry, setCarry] = useState<Carry | null>(null);
  const [heard, setHeard] = useState('');
  const carrying = useRef<Carry | null>(null);
  const latest = useRef({ columns, onMove: props.onMove });
  useLayoutEffect(() => {
    latest.current = { columns, onMove: props.onMove };
  });
  const carryTo = (next: Carry | null, text: string) => {
    carrying.current = next;
    setCarry(next);
    setHeard(text);
  };
  const onCarryKey = useCallback((key: string, event: ReactKeyboardEvent<HTMLElement>): boolean => {
    const { columns: now, onMove } = latest.current;
    const current = carrying.current;
    const pressed = event.key;
    if (current === null || current.key !== key) {
      if (pressed !== ' ' || event.repeat) return false;
      const lifted = liftCarry(now, key);
      if (!lifted) return false;
      event.preventDefault();
      carryTo(lifted, liftText(lifted));
      return true;
    }
    const direction = carryDirection(pressed);
    if (direction) {
      event.preventDefault();
      const moved = stepCarry(now, current, direction);
      carryTo(moved ?? current, stepText(now, current, direction, moved));
    } else if (pressed === ' ' || pressed === 'Enter') {
      event.preventDefault();
      if (event.repeat) return true;
      const target = carryDrop(now, current);
      carryTo(null, dropText(current));
      if (target) {
        refocus.current = { key, status: target.status };
        onMove(key, target.status, target.beforeKey);
      }
    } else if (pressed === 'Escape') {
      event.preventDefault();
      carryTo(null, cancelText(current));
      event.currentTarget.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    // Every other key (Tab among them) is the page's; leaving the card puts it back (onCarryBlur).
    return true;
  }, []);
  // The room sees where a carried card would land: its face there, or the card itself when it is
  // back at its place, is brought into view.
  useLayoutEffect(() => {
    if (!carry) return;
    const shown = board.current?.querySelector('[data-testid="roam-carry-landing"]') ?? board.current?.querySelector(`[data-risk="${globalThis.CSS.escape(carry.key)}"]`);
    shown?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [carry]);
  const onCarryBlur = useCallback((key: string) => {
    const current = carrying.current;
    if (current?.key === key) carryTo(null, cancelText(current));
  }, []);
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={({ active }) => setDragging(byKey.get(String(active.id)) ?? null)}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: 'To move a risk, press Space, then the arrow keys; Space again drops it, Escape cancels. Enter opens its menu.' } }}
    >
      <Box
        ref={board}
        data-testid="roam-board"
        role="region"
        aria-label="ROAM board"
        // On paper (an A4 page holds ≈ 720 CSS px) three columns a row, the last two below them, not cut off.
        sx={{ display: 'grid', gridTemplateColumns: `repeat(${ROAM_COLUMNS.length}, minmax(180px, 1fr))`, gap: 1.5, overflowX: 'auto', pb: 1, '@media print': { gridTemplateColumns: 'repeat(3, minmax(0, 1fr))' } }}
      >
        {ROAM_COLUMNS.map((status) => (
          <RoamColumn
            key={status}
            status={status}
            risks={columns[status]}
            names={names}
            carry={carry}
            carried={carry ? (byKey.get(carry.key) ?? null) : null}
            onOpen={props.onOpen}
            onMenu={props.onMenu}
            onCarryKey={onCarryKey}
            onCarryBlur={onCarryBlur}
          />
        ))}
      </Box>
      {/* What a screen reader hears of a card carried by keyboard (a pointer's drag is dnd-kit's to say). */}
      <Box role="status" aria-live="assertive" aria-atomic data-testid="roam-heard" sx={visuallyHidden}>
        {heard}
      </Box>
      <DragOverlay>{dragging ? <RiskFace risk={dragging} names={names} lifted /> : null}</DragOverlay>
    </DndContext>
  );
}

interface RoamColumnProps extends CardHandlers {
  status: RiskStatus;
  risks: Risk[];
  names: ScopeNames;
  /** A card carried by keyboard, and its risk: this column shows where it would land, if here. */
  carry: Carry | null;
  carried: Risk | null;
}

interface CardHandlers {
  onOpen(risk: Risk): void;
  onMenu(risk: Risk, anchor: HTMLElement): void;
  /** A key on a card: true when the keyboard carry took it. */
  onCarryKey(key: string, event: ReactKeyboardEvent<HTMLElement>): boolean;
  onCarryBlur(key: string): void;
}

function RoamColumn(props: RoamColumnProps) {
  const { status, carry, carried } = props;
  const { setNodeRef, isOver: pointerOver } = useDroppable({ id: columnId(status) });
  // Where a carried card would land here: before this risk (null: at the end), shown by its ghost.
  const landing = carry && carried && carry.status === status && !carryUnmoved(carry) ? (props.risks.filter((r) => r.key !== carry.key)[carry.index]?.key ?? null) : undefined;
  const isOver = pointerOver || (carry !== null && carry.status === status);
  const ghost = carried ? <CarriedGhost risk={carried} names={props.names} /> : null;
  const text = ROAM_TEXT[status];
  const headingId = `roam-${status}`;
  return (
    <Box
      ref={setNodeRef}
      component="section"
      aria-labelledby={headingId}
      data-column={status}
      sx={{ border: 1, borderColor: isOver ? 'primary.main' : 'divider', borderRadius: 1, bgcolor: isOver ? 'action.hover' : 'background.paper', p: 1, minHeight: 260, display: 'flex', flexDirection: 'column', gap: 1 }}
    >
      <Box>
        <Typography id={headingId} variant="h3" component="h2" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Box component="span" aria-hidden sx={{ display: 'inline-grid', placeItems: 'center', width: '1.75em', height: '1.75em', borderRadius: '50%', border: 2, borderColor: 'text.primary', fontWeight: 700, fontSize: '0.85em' }}>
            {text.letter}
          </Box>
          {text.label}
          <Box component="span" sx={{ ml: 'auto', fontWeight: 400 }} aria-label={`${props.risks.length} ${props.risks.length === 1 ? 'risk' : 'risks'}`}>
            {props.risks.length}
          </Box>
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {text.meaning}
        </Typography>
      </Box>
      <SortableContext id={columnId(status)} items={props.risks.map((r) => r.key)} strategy={verticalListSortingStrategy}>
        <Box component="ul" aria-label={`${text.label}: risks`} sx={{ listStyle: 'none', m: 0, p: 0, display: 'flex', flexDirection: 'column', gap: 1, flex: 1 }}>
          {props.risks.map((risk) => (
            <Fragment key={risk.key}>
              {landing === risk.key && ghost}
              <SortableRisk risk={risk} names={props.names} carried={carry?.key === risk.key ? (carryUnmoved(carry) ? 'home' : 'away') : null} onOpen={props.onOpen} onMenu={props.onMenu} onCarryKey={props.onCarryKey} onCarryBlur={props.onCarryBlur} />
            </Fragment>
          ))}
          {landing === null && ghost}
        </Box>
      </SortableContext>
    </Box>
  );
}

/** Where a card carried by keyboard would land: its face, drawn lifted, for the room to see. */
function CarriedGhost({ risk, names }: { risk: Risk; names: ScopeNames }) {
  return (
    <Box component="li" aria-hidden data-testid="roam-carry-landing" sx={{ display: 'block', '& > div': { width: 'auto' } }}>
      <RiskFace risk={risk} names={names} lifted />
    </Box>
  );
}

/** A card carried by keyboard: at its own place still ('home'), or shown landing elsewhere ('away'). */
type Carried = 'home' | 'away' | null;

const SortableRisk = memo(function SortableRisk(props: CardHandlers & { risk: Risk; names: ScopeNames; carried: Carried }) {
  const { risk, carried } = props;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: risk.key });
  const onKeyDown = (event: ReactKeyboardEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.target !== event.currentTarget) return;
    if (props.onCarryKey(risk.key, event)) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      props.onMenu(risk, event.currentTarget);
    }
  };
  // The list item stays a list item; the card inside it is the control the drag attributes make a button.
  return (
    <Box component="li" sx={{ display: 'block' }}>
      <Box
        ref={setNodeRef}
        {...attributes}
        {...listeners}
        aria-roledescription="movable risk"
        // Pressed while lifted, by keyboard or pointer: the presentation leaves its keys to it.
        aria-pressed={carried !== null || isDragging ? true : undefined}
        data-print-keep
        onKeyDown={onKeyDown}
        onBlur={() => props.onCarryBlur(risk.key)}
        onDoubleClick={() => props.onOpen(risk)}
        onContextMenu={(e) => {
          e.preventDefault();
          props.onMenu(risk, e.currentTarget);
        }}
        data-risk={risk.key}
        style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging || carried === 'away' ? 0.4 : 1, boxShadow: carried !== null ? '0 0 0 3px currentColor' : undefined }}
        // Positioned: the card's hidden column name is placed inside it, so a board scrolled sideways
        // clips it instead of the page growing wider by it.
        sx={{ position: 'relative', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.default', px: 1, py: 0.75, cursor: 'grab', touchAction: 'none', outlineOffset: 2, '&:focus-visible': { outline: 3, outlineColor: 'primary.main', outlineStyle: 'solid' } }}
      >
        <RiskFace risk={risk} names={props.names} />
      </Box>
    </Box>
  );
});

function RiskFace({ risk, names, lifted }: { risk: Risk; names: ScopeNames; lifted?: boolean }) {
  const owner = ownerLabel(risk, names.teams);
  const links = linkText(risk);
  const change = lastChange(risk);
  return (
    <Box sx={lifted ? { bgcolor: 'background.paper', border: 2, borderColor: 'primary.main', borderRadius: 1, px: 1, py: 0.75, boxShadow: 6, width: 240 } : undefined}>
      <Typography variant="body2" sx={{ fontWeight: 700, fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>
        {risk.key}
        {/* For screen readers: the card's column, which sighted people see from its place. */}
        <Box component="span" sx={visuallyHidden}>
          , {ROAM_TEXT[risk.status].label}:
        </Box>
      </Typography>
      {/* Clamped to three lines at a desk; whole on paper, which shows every overflow (room-styles.ts),
          and on the projector, where the room reads the risk it is ROAMing at the room's type size. */}
      <Typography
        variant="body1"
        data-testid="risk-title"
        sx={{ fontWeight: 600, lineHeight: 1.3, display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden', '@media print': { display: 'block' }, [`html[${PRESENTING_ATTRIBUTE}] &`]: { display: 'block' } }}
      >
        {risk.title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {scopeLabel(risk.scope, names)}
      </Typography>
      <Typography variant="body2">{owner ? `Owner: ${owner}` : 'No owner yet'}</Typography>
      {links && (
        <Typography variant="body2" color="text.secondary">
          {links}
        </Typography>
      )}
      {change && change.from !== null && (
        <Typography variant="body2" color="text.secondary">
          {ROAM_TEXT[change.to].label} {formatDateTime(change.at)}
          {change.who ? ` by ${change.who}` : ''}
        </Typography>
      )}
    </Box>
  );
}
