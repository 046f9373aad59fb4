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
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { visuallyHidden } from '@mui/utils';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { ROAM_COLUMNS, ROAM_TEXT, lastChange, roamColumns } from '../../../shared/risks/roam';
import type { Risk, RiskStatus } from '../../../shared/risks/risk-schema';
import { ownerLabel, scopeLabel, type ScopeNames } from '../../../shared/risks/risk-scope';
import { formatDateTime } from '../format';
import { columnId, dropTarget, statusOfColumnId } from './roam-drop';
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
 * Cards move by mouse, or by keyboard (Space lifts a card, the arrows carry it, Space drops it,
 * Escape puts it back); Enter opens a card's menu, which moves it by name too.
 */
export function RoamBoard(props: RoamBoardProps) {
  const { risks, names } = props;
  const [dragging, setDragging] = useState<Risk | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
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
  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    setDragging(null);
    if (!over) return;
    const target = dropTarget(risks, String(active.id), String(over.id));
    if (!target) return;
    if (activatorEvent instanceof KeyboardEvent) refocus.current = { key: String(active.id), status: target.status };
    props.onMove(String(active.id), target.status, target.beforeKey);
  };
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
          <RoamColumn key={status} status={status} risks={columns[status]} names={names} onOpen={props.onOpen} onMenu={props.onMenu} />
        ))}
      </Box>
      <DragOverlay>{dragging ? <RiskFace risk={dragging} names={names} lifted /> : null}</DragOverlay>
    </DndContext>
  );
}

function RoamColumn(props: { status: RiskStatus; risks: Risk[]; names: ScopeNames; onOpen(risk: Risk): void; onMenu(risk: Risk, anchor: HTMLElement): void }) {
  const { status } = props;
  const { setNodeRef, isOver } = useDroppable({ id: columnId(status) });
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
            <SortableRisk key={risk.key} risk={risk} names={props.names} onOpen={props.onOpen} onMenu={props.onMenu} />
          ))}
        </Box>
      </SortableContext>
    </Box>
  );
}

const SortableRisk = memo(function SortableRisk(props: { risk: Risk; names: ScopeNames; onOpen(risk: Risk): void; onMenu(risk: Risk, anchor: HTMLElement): void }) {
  const { risk } = props;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: risk.key });
  const onKeyDown = (event: ReactKeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' && !event.defaultPrevented) {
      event.preventDefault();
      props.onMenu(risk, event.currentTarget);
      return;
    }
    listeners?.onKeyDown?.(event);
  };
  // The list item stays a list item; the card inside it is the control the drag attributes make a button.
  return (
    <Box component="li" sx={{ display: 'block' }}>
      <Box
        ref={setNodeRef}
        {...attributes}
        {...listeners}
        aria-roledescription="movable risk"
        data-print-keep
        onKeyDown={onKeyDown}
        onDoubleClick={() => props.onOpen(risk)}
        onContextMenu={(e) => {
          e.preventDefault();
          props.onMenu(risk, e.currentTarget);
        }}
        data-risk={risk.key}
        style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.4 : 1 }}
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
