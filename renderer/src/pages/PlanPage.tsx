import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import RedoIcon from '@mui/icons-material/Redo';
import UndoIcon from '@mui/icons-material/Undo';
import { useTheme } from '@mui/material/styles';
import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { contract, type ChannelInput, type ChannelOutput } from '../../../shared/contract/contract';
import type { BoardCard, BoardCell } from '../../../shared/planning/board-schema';
import { DEPENDENCY_STATES, DEPENDENCY_STATE_TEXT } from '../../../shared/planning/dependency-state';
import { displayKey } from '../../../shared/planning/local-keys';
import { invalidateWrites, useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { invokeOrThrow, type ContractError } from '../api/contract-client';
import { downloadCsv, fileSlug } from '../charts/csv';
import { exportSvgPng } from '../charts/export-png';
import { ErrorNotice } from '../layout/ErrorNotice';
import { PageHeader } from '../layout/PageHeader';
import { useViewParams } from '../layout/view-params';
import { CapacityPopover, CardDependenciesDialog, CardMenu, DependencyDialog, MoveDialog, NewItemDialog, type CardAction } from '../planning/BoardDialogs';
import { BoardSidePanel, type SideTab } from '../planning/BoardSidePanel';
import { boardCsvRows, boardSvg } from '../planning/board-export';
import { IncrementDialog, IncrementSetup } from '../planning/IncrementSetup';
import { ObjectivesPanel } from '../planning/ObjectivesPanel';
import { applyMove } from '../planning/optimistic-move';
import { STATE_STYLE } from '../planning/plan-style';
import { ProgramBoard, type BoardFocus, type PlaceRequest } from '../planning/ProgramBoard';

type PlanTab = 'board' | 'objectives' | 'setup';
type BoardInput = ChannelInput<'plan.board'>;

function isEditable(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/** Moves a card at once on screen, then stores it; a refusal puts the board back. */
function usePlace(boardInput: BoardInput) {
  const client = useQueryClient();
  const key = ['plan.board', boardInput];
  return useMutation<ChannelOutput<'plan.item.place'>, ContractError, PlaceRequest & { incrementId: number }, { previous: unknown }>({
    mutationFn: (input) => invokeOrThrow('plan.item.place', input),
    onMutate: async (input) => {
      performance.mark('interlock:plan-move-start');
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData(key);
      client.setQueryData<ChannelOutput<'plan.board'>>(key, (board) => (board ? { ...board, ...applyMove(board, input) } : board));
      return { previous };
    },
    onError: (_error, _input, context) => client.setQueryData(key, context?.previous),
    onSettled: async () => {
      await invalidateWrites(client, contract['plan.item.place'].mutates);
      // The benchmark's round trip: stored, the board's answer fetched again and painted.
      requestAnimationFrame(() => performance.mark('interlock:plan-move-stored'));
    },
  });
}

export function PlanPage() {
  const [params, setParams] = useViewParams();
  const theme = useTheme();
  const increments = useChannelQuery('plan.increments', {});
  const tab = (['board', 'objectives', 'setup'] as const).find((t) => t === params.tab) ?? 'board';
  const grouping = params.group === 'value-stream' ? 'value-stream' : 'coordination';
  const baselineId = params.baseline ? Number(params.baseline) : undefined;
  const boardInput: BoardInput = { increment: params.increment || undefined, grouping, baselineId };
  const board = useChannelQuery('plan.board', boardInput, { enabled: (increments.data?.length ?? 0) > 0, placeholderData: keepPreviousData });
  const history = useChannelQuery('plan.history', {});
  const baselines = useChannelQuery('plan.baselines', { incrementId: board.data?.increment.id ?? 0 }, { enabled: board.data !== undefined });
  const place = usePlace(boardInput);
  const undo = useChannelMutation('plan.undo');
  const redo = useChannelMutation('plan.redo');
  const commit = useChannelMutation('plan.baseline.commit');
  const unplan = useChannelMutation('plan.item.unplan');
  const addDependency = useChannelMutation('plan.dependency.add');
  const createItem = useChannelMutation('plan.item.create');
  const setCapacity = useChannelMutation('plan.capacity.set');
  const [creatingIncrement, setCreatingIncrement] = useState(false);
  const [menu, setMenu] = useState<{ card: BoardCard; teamKey: string; anchor: HTMLElement } | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'move' | 'depend' | 'dependencies'; card: BoardCard; teamKey: string } | { kind: 'new'; teamKey: string; columnId: number } | null>(null);
  const removeDependency = useChannelMutation('plan.dependency.remove');
  const [capacity, setCapacityTarget] = useState<{ cell: BoardCell; anchor: HTMLElement } | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const data = board.data;
  const teamName = useMemo(() => {
    const names = new Map(data?.teams.map((t) => [t.key, t.name]));
    return (key: string | null) => (key === null ? 'no team' : (names.get(key) ?? key));
  }, [data?.teams]);
  const focus: BoardFocus = { card: params.focus ?? null, team: params.team ?? null };
  const changed = useMemo(() => {
    const map = new Map<string, string>();
    for (const m of data?.changes?.moved ?? []) map.set(m.key, `moved from ${m.from.iteration}`);
    for (const a of data?.changes?.added ?? []) map.set(a.key, 'new since the baseline');
    return map;
  }, [data?.changes]);

  // Ctrl/Cmd+Z undoes the last planning edit, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes it (not while typing).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isEditable(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey && history.data?.undo) {
        event.preventDefault();
        undo.mutate({});
      } else if (((key === 'z' && event.shiftKey) || key === 'y') && history.data?.redo) {
        event.preventDefault();
        redo.mutate({});
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [history.data, undo, redo]);

  if (increments.isPending) return <LinearProgress aria-label="Loading the plan" />;
  if (increments.data && increments.data.length === 0) {
    return (
      <>
        <PageHeader title="Plan" subtitle="Plan a Program Increment on a program board: teams × iterations, objectives, capacity and dependencies." />
        <Alert severity="info" sx={{ mb: 2 }}>
          This workspace has no increment yet. Create one, or import the increments and iterations templates on the Import page.
        </Alert>
        <Button variant="contained" onClick={() => setCreatingIncrement(true)}>
          Create an increment
        </Button>
        {creatingIncrement && <IncrementDialog increment={null} onClose={() => setCreatingIncrement(false)} onSaved={(name) => { setCreatingIncrement(false); setParams({ increment: name, tab: 'setup' }); }} />}
      </>
    );
  }

  const exportPng = async () => {
    if (!data) return;
    const palette = theme.palette;
    const { source, width, height } = boardSvg(data, { teamName, color: palette.text.primary, muted: palette.text.secondary, line: palette.divider, card: palette.background.paper });
    await exportSvgPng(source, width, height, {
      title: `${data.increment.name}: program board`,
      subtitle: `${data.increment.start} – ${data.increment.end} · ${data.dependencyCounts.conflict} conflicts, ${data.dependencyCounts.unplanned} not planned`,
      fileName: `${fileSlug(data.increment.name)}-board.png`,
      background: palette.background.paper,
      color: palette.text.primary,
      fontFamily: theme.typography.fontFamily ?? 'sans-serif',
    });
  };
  const onAction = (action: CardAction) => {
    if (!menu) return;
    const { card, teamKey } = menu;
    setMenu(null);
    if (action === 'move' || action === 'depend' || action === 'dependencies') setDialog({ kind: action, card, teamKey });
    else if (action === 'lines') setParams({ focus: card.key, team: null });
    else if (action === 'unplan' && data) unplan.mutate({ incrementId: data.increment.id, itemKey: card.key });
  };

  return (
    <>
      <PageHeader
        title="Plan"
        subtitle={data ? `${data.increment.name}: ${data.increment.start} – ${data.increment.end}` : 'The program board'}
        actions={
          <>
            <Tooltip title={history.data?.undo ? `Undo: ${history.data.undo} (Ctrl+Z)` : 'Nothing to undo'}>
              <span>
                <Button startIcon={<UndoIcon />} disabled={!history.data?.undo || undo.isPending} onClick={() => undo.mutate({})}>
                  Undo
                </Button>
              </span>
            </Tooltip>
            <Tooltip title={history.data?.redo ? `Redo: ${history.data.redo} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
              <span>
                <Button startIcon={<RedoIcon />} disabled={!history.data?.redo || redo.isPending} onClick={() => redo.mutate({})}>
                  Redo
                </Button>
              </span>
            </Tooltip>
            <Button variant="outlined" onClick={() => setCreatingIncrement(true)}>
              New increment
            </Button>
          </>
        }
      />
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
        <TextField select size="small" label="Increment" value={data?.increment.name ?? ''} onChange={(e) => setParams({ increment: e.target.value, focus: null, team: null, baseline: null })} sx={{ minWidth: 200 }}>
          {(increments.data ?? []).map((i) => (
            <MenuItem key={i.id} value={i.name}>
              {i.name} ({i.start} – {i.end})
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label="Rows grouped by" value={grouping} onChange={(e) => setParams({ group: e.target.value === 'coordination' ? null : e.target.value })} sx={{ minWidth: 200 }}>
          <MenuItem value="coordination">coordination group</MenuItem>
          <MenuItem value="value-stream">value stream</MenuItem>
        </TextField>
        <TextField select size="small" label="Compare with" value={baselineId ?? ''} onChange={(e) => setParams({ baseline: e.target.value || null, side: e.target.value ? 'changes' : null })} sx={{ minWidth: 220 }}>
          <MenuItem value="">no baseline</MenuItem>
          {(baselines.data ?? []).map((b) => (
            <MenuItem key={b.id} value={b.id}>
              {b.name}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="outlined" disabled={!data || commit.isPending} onClick={() => data && commit.mutate({ incrementId: data.increment.id }, { onSuccess: (b) => setParams({ baseline: String(b.id), side: 'changes' }) })}>
          Commit the plan
        </Button>
        <Button onClick={() => void exportPng()} disabled={!data}>
          Export PNG
        </Button>
        <Button onClick={() => data && downloadCsv(`${fileSlug(data.increment.name)}-board.csv`, boardCsvRows(data, (k) => teamName(k)))} disabled={!data}>
          Export CSV
        </Button>
      </Box>
      <ErrorNotice title="The plan could not be loaded" error={board.error ?? increments.error} />
      {[place.error, undo.error, redo.error, unplan.error, setCapacity.error, commit.error].filter(Boolean).map((e, i) => (
        <Alert key={i} severity="error" sx={{ mb: 1 }}>
          {e!.message}
        </Alert>
      ))}
      <Tabs value={tab} onChange={(_e, t: PlanTab) => setParams({ tab: t === 'board' ? null : t })} sx={{ mb: 2 }} aria-label="Plan views">
        <Tab value="board" label="Program board" />
        <Tab value="objectives" label="Objectives & predictability" />
        <Tab value="setup" label="Iterations & milestones" />
      </Tabs>
      {data && tab === 'board' && (
        <>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 1 }} data-testid="dependency-legend">
            {DEPENDENCY_STATES.map((s) => (
              <Typography key={s} variant="body2" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
                <Box component="span" sx={{ width: 18, height: 18, borderRadius: '50%', bgcolor: STATE_STYLE[s].color, color: '#fff', display: 'inline-grid', placeItems: 'center', fontSize: 12, fontWeight: 700 }} aria-hidden>
                  {DEPENDENCY_STATE_TEXT[s].symbol}
                </Box>
                {data.dependencyCounts[s]} {DEPENDENCY_STATE_TEXT[s].label}
              </Typography>
            ))}
            <FormControlLabel control={<Switch checked={params.lines === 'all'} onChange={(e) => setParams({ lines: e.target.checked ? 'all' : null })} />} label="Show lines in order too" />
            <FormControlLabel control={<Switch checked={params.side !== 'hidden'} onChange={(e) => setParams({ side: e.target.checked ? null : 'hidden' })} />} label="Conflicts and backlog beside the board" />
            {(focus.card || focus.team) && (
              <Button size="small" onClick={() => setParams({ focus: null, team: null })}>
                Showing {focus.card ? displayKey(focus.card) : teamName(focus.team)}’s lines — show all problems
              </Button>
            )}
            <Typography variant="body2" color="text.secondary">
              Cells show load / capacity in {data.increment.capacityUnit}. Drag cards with the mouse; on a focused card, Alt + an arrow key moves it to the next iteration or team, Enter opens its menu.
            </Typography>
          </Box>
          <ProgramBoard
            board={data}
            focus={focus}
            showAllLines={params.lines === 'all'}
            changed={changed}
            onFocus={(f) => setParams({ focus: f.card, team: f.team })}
            onPlace={(request) => {
              const where = `${teamName(request.teamKey)}, ${data.increment.iterations.find((i) => i.id === request.iterationId)?.name ?? ''}`;
              place.mutate({ ...request, incrementId: data.increment.id }, { onSuccess: () => setAnnouncement(`Moved ${displayKey(request.itemKey)} to ${where}.`) });
            }}
            onCardMenu={(card, teamKey, anchor) => setMenu({ card, teamKey, anchor })}
            onAddToCell={(teamKey, columnId) => setDialog({ kind: 'new', teamKey, columnId })}
            onCapacity={(cell, anchor) => setCapacityTarget({ cell, anchor })}
            sidePanel={
              params.side === 'hidden' ? null : <BoardSidePanel
                board={data}
                changes={data.changes}
                tab={((['conflicts', 'lint', 'backlog', 'changes'] as const).find((t) => t === params.side) ?? 'conflicts') as SideTab}
                onTab={(t) => setParams({ side: t === 'conflicts' ? null : t })}
                onFocusCard={(key) => setParams({ focus: key, team: null })}
                teamName={teamName}
              />
            }
          />
        </>
      )}
      {data && tab === 'objectives' && <ObjectivesPanel board={data} teamName={teamName} />}
      {data && tab === 'setup' && <IncrementSetup board={data} teamName={teamName} onRenamed={(name) => setParams({ increment: name })} onDeleted={() => setParams({ increment: null, tab: null })} />}

      <Box role="status" aria-live="polite" sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }} data-testid="plan-announcement">
        {announcement}
      </Box>
      <CardMenu anchor={menu?.anchor ?? null} card={menu?.card ?? null} onAction={onAction} onClose={() => setMenu(null)} />
      {data && dialog?.kind === 'move' && (
        <MoveDialog
          board={data}
          card={dialog.card}
          teamKey={dialog.teamKey}
          onClose={() => setDialog(null)}
          onMove={(request) => {
            setDialog(null);
            place.mutate({ ...request, incrementId: data.increment.id });
          }}
        />
      )}
      {data && dialog?.kind === 'depend' && (
        <DependencyDialog
          board={data}
          card={dialog.card}
          busy={addDependency.isPending}
          error={addDependency.error?.message ?? null}
          onClose={() => {
            addDependency.reset();
            setDialog(null);
          }}
          onAdd={(providerKey, neededBy) => addDependency.mutate({ consumerKey: dialog.card.key, providerKey, neededBy }, { onSuccess: () => setDialog(null) })}
        />
      )}
      {data && dialog?.kind === 'dependencies' && (
        <CardDependenciesDialog
          board={data}
          card={dialog.card}
          teamName={teamName}
          busy={removeDependency.isPending}
          error={removeDependency.error?.message ?? null}
          onRemove={(key) => removeDependency.mutate({ key })}
          onClose={() => {
            removeDependency.reset();
            setDialog(null);
          }}
        />
      )}
      {data && dialog?.kind === 'new' && (
        <NewItemDialog
          teamName={teamName(dialog.teamKey)}
          iterationName={data.columns.find((c) => c.id === dialog.columnId)?.name ?? ''}
          busy={createItem.isPending}
          error={createItem.error?.message ?? null}
          onClose={() => {
            createItem.reset();
            setDialog(null);
          }}
          onCreate={(input) =>
            createItem.mutate(
              { ...input, incrementId: data.increment.id, teamKey: dialog.teamKey, iterationId: data.increment.iterations.filter((i) => i.teamKey === dialog.teamKey && i.columnId === dialog.columnId).at(-1)?.id ?? dialog.columnId },
              { onSuccess: () => setDialog(null) },
            )
          }
        />
      )}
      {data && capacity && (
        <CapacityPopover
          anchor={capacity.anchor}
          cell={capacity.cell}
          unit={data.increment.capacityUnit}
          onClose={() => setCapacityTarget(null)}
          onSave={(amount) => {
            const iterationId = capacity.cell.columnId;
            setCapacityTarget(null);
            setCapacity.mutate({ iterationId, teamKey: capacity.cell.teamKey, amount });
          }}
        />
      )}
      {creatingIncrement && (
        <IncrementDialog
          increment={null}
          onClose={() => setCreatingIncrement(false)}
          onSaved={(name) => {
            setCreatingIncrement(false);
            setParams({ increment: name, tab: 'setup' });
          }}
        />
      )}
    </>
  );
}
