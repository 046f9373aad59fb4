import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { visuallyHidden } from '@mui/utils';
import { keepPreviousData, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract/contract';
import type { BoardCard, BoardCell } from '../../../shared/planning/board-schema';
import { displayKey } from '../../../shared/planning/local-keys';
import { StaleViewNotice } from '../layout/StaleViewNotice';
import { resolveBoardFocus } from '../planning/board-focus';
import { invalidateAfterWrite, useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { invokeOrThrow, type ContractError } from '../api/contract-client';
import { downloadCsv, fileSlug } from '../charts/csv';
import { exportSvgPng } from '../charts/export-png';
import { ErrorNotice } from '../layout/ErrorNotice';
import { PageHeader } from '../layout/PageHeader';
import { useViewParams } from '../layout/view-params';
import { useViewPins, useViewTitle } from '../layout/view-title';
import { useStableCallback } from '../layout/stable-callback';
import { usePrinting } from '../room/printing';
import { CapacityPopover, CardDependenciesDialog, CardMenu, CardRisksDialog, DependencyDialog, MoveDialog, NewItemDialog, type CardAction } from '../planning/BoardDialogs';
import { BoardSidePanel, type SideTab } from '../planning/BoardSidePanel';
import { BoardLegend, PlanHeader, PlanTabs, PlanToolbar } from '../planning/PlanToolbar';
import { boardCsvRows, boardPngSubtitle, boardSvg } from '../planning/board-export';
import { boardRisks, NO_BOARD_RISKS } from '../../../shared/joins/board-risks';
import { IncrementDialog, IncrementSetup } from '../planning/IncrementSetup';
import { ObjectivesPanel } from '../planning/ObjectivesPanel';
import { applyMove } from '../planning/optimistic-move';
import { planBoardInput } from '../planning/plan-prefetch';
import { applyBoardPatch } from '../../../shared/planning/board-patch';
import { boardTeamNames } from '../../../shared/planning/board-team-names';
import { ProgramBoard, type BoardFocus, type PlaceRequest } from '../planning/ProgramBoard';
import { PlanConfidencePanel } from '../forecast/PlanConfidencePanel';

type PlanTab = 'board' | 'confidence' | 'objectives' | 'setup';
const TAB_LABELS: Record<PlanTab, string> = { board: 'Program board', confidence: 'Confidence', objectives: 'Objectives & predictability', setup: 'Iterations & milestones' };
type BoardInput = ChannelInput<'plan.board'>;

function isEditable(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

const boardKey = (view: BoardInput) => ['plan.board', view];
/** How a board is shown, sent with each edit whose answer patches it. */
const shownOf = (view: BoardInput) => ({ grouping: view.grouping, baselineId: view.baselineId });

/** The edits whose answer, asked with the board shown, can carry what they changed on it. */
type PatchingChannel = 'plan.item.place' | 'plan.item.unplan' | 'plan.capacity.set' | 'plan.dependency.add' | 'plan.dependency.remove' | 'plan.dependency.needBy' | 'plan.undo' | 'plan.redo';

/**
 * An edit's answer carrying what it changed on the board it was made on: patched into that board
 * (else the board is fetched again); what else the edit changed is fetched again either way.
 * Resolves once the board is patched and painted, or fetched again.
 */
async function patchShownBoard(client: QueryClient, channel: PatchingChannel, view: BoardInput, answer: ChannelOutput<PatchingChannel>): Promise<void> {
  const { board: patch, undo, redo } = answer;
  const key = boardKey(view);
  const current = client.getQueryData<ChannelOutput<'plan.board'>>(key);
  const patched = current && patch ? applyBoardPatch(current, patch) : null;
  if (patched) client.setQueryData(key, patched);
  client.setQueryData(['plan.history', {}], { undo, redo });
  // The benchmark's round trip of a move (or another board edit): stored, and the board patched (or fetched again) and painted.
  const mark = channel === 'plan.item.place' ? 'interlock:plan-move-stored' : 'interlock:plan-edit-stored';
  const painted = () => setTimeout(() => requestAnimationFrame(() => performance.mark(mark)));
  if (patched) painted();
  // What else the edit changed (the backlog, plan confidence, other views of the board) is fetched again.
  await invalidateAfterWrite(client, channel, patched ? [key, ['plan.history', {}]] : []);
  if (!patched) painted();
}

/**
 * An edit asked with the board shown (`input.board`), whose answer patches that board: taking an
 * item off it, a capacity, a dependency, undo and redo. An answer without a patch (undo of another
 * kind of edit, another increment shown) has the board fetched again.
 */
function useBoardEdit<C extends Exclude<PatchingChannel, 'plan.item.place'>>(channel: C) {
  const client = useQueryClient();
  return useMutation<ChannelOutput<C>, ContractError, { input: ChannelInput<C>; view: BoardInput }>({
    mutationKey: BOARD_EDIT_KEY,
    mutationFn: ({ input }) => invokeOrThrow(channel, input),
    onMutate: () => void performance.mark('interlock:plan-edit-start'),
    onSuccess: (answer, { view }) => patchShownBoard(client, channel, view, answer),
    onError: () => invalidateAfterWrite(client, channel),
  });
}

/** The key of every edit whose answer patches the board (moves, undo and redo included): Ctrl+Z waits for those on their way. */
const BOARD_EDIT_KEY = ['plan-board-edit'];

/**
 * Resolves once the board edits on their way now are answered: true when every one was stored,
 * false when one was refused (its move already put back). By then each stored one's answer has
 * set the undo history (patchShownBoard runs before a mutation counts as done).
 */
function boardEditsStored(client: QueryClient): Promise<boolean> {
  const cache = client.getMutationCache();
  const pending = cache.findAll({ mutationKey: BOARD_EDIT_KEY, status: 'pending' });
  return new Promise((resolve) => {
    const check = () => {
      if (pending.some((m) => m.state.status === 'pending')) return false;
      resolve(pending.every((m) => m.state.status === 'success'));
      return true;
    };
    if (check()) return;
    const unsubscribe = cache.subscribe(() => check() && unsubscribe());
  });
}

/** Well under the tenth of a second a move may take to look immediate. */
const OPTIMISTIC_AFTER_MS = 50;

/**
 * Moves a card at once on screen, then stores it; the answer carries what the move changed on the
 * board shown, patched in place of fetching the whole board again. A refusal puts the board back.
 * "At once": with the answer when it comes within OPTIMISTIC_AFTER_MS (then the board is drawn once,
 * not twice, for the move), else moved on the page while the answer is on its way.
 */
function usePlace() {
  const client = useQueryClient();
  // The board the move was made on, carried with it: a patch is applied to that board only.
  const keyOf = boardKey;
  return useMutation<ChannelOutput<'plan.item.place'>, ContractError, PlaceRequest & { incrementId: number; view: BoardInput }, { previous: unknown; early: ReturnType<typeof setTimeout> }>({
    mutationKey: BOARD_EDIT_KEY,
    mutationFn: ({ view, ...input }) => invokeOrThrow('plan.item.place', { ...input, board: shownOf(view) }),
    onMutate: async (input) => {
      performance.mark('interlock:plan-move-start');
      const key = keyOf(input.view);
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData(key);
      const early = setTimeout(() => client.setQueryData<ChannelOutput<'plan.board'>>(key, (board) => (board ? { ...board, ...applyMove(board, input) } : board)), OPTIMISTIC_AFTER_MS);
      return { previous, early };
    },
    onSuccess: async (answer, { view }, context) => {
      clearTimeout(context?.early);
      await patchShownBoard(client, 'plan.item.place', view, answer);
    },
    onError: async (_error, { view }, context) => {
      clearTimeout(context?.early);
      client.setQueryData(keyOf(view), context?.previous);
      await invalidateAfterWrite(client, 'plan.item.place');
    },
  });
}

export function PlanPage() {
  const [params, setParams] = useViewParams();
  const theme = useTheme();
  const increments = useChannelQuery('plan.increments', {});
  const tab = (['board', 'confidence', 'objectives', 'setup'] as const).find((t) => t === params.tab) ?? 'board';
  // The same input the app asked with if it opened on this view (plan-prefetch.ts).
  const boardInput = planBoardInput(params);
  const { grouping, baselineId } = boardInput;
  const shown = shownOf(boardInput);
  // Asked for with the increments, not after them (a workspace without any answers an error nobody sees).
  const board = useChannelQuery('plan.board', boardInput, { enabled: increments.data === undefined || increments.data.length > 0, placeholderData: keepPreviousData });
  const history = useChannelQuery('plan.history', {});
  const baselines = useChannelQuery('plan.baselines', { incrementId: board.data?.increment.id ?? 0 }, { enabled: board.data !== undefined });
  const place = usePlace();
  const undo = useBoardEdit('plan.undo');
  const redo = useBoardEdit('plan.redo');
  const commit = useChannelMutation('plan.baseline.commit');
  const unplan = useBoardEdit('plan.item.unplan');
  const addDependency = useBoardEdit('plan.dependency.add');
  const createItem = useChannelMutation('plan.item.create');
  const setCapacity = useBoardEdit('plan.capacity.set');
  const [creatingIncrement, setCreatingIncrement] = useState(false);
  const printing = usePrinting();
  useViewTitle([board.data?.increment.name, TAB_LABELS[tab]].filter(Boolean).join(' · '));
  // Not while the previous increment's board stands in for the one asked for.
  useViewPins({ increment: board.isPlaceholderData ? null : board.data?.increment.name });
  const [menu, setMenu] = useState<{ card: BoardCard; teamKey: string; anchor: HTMLElement } | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'move' | 'depend' | 'dependencies' | 'risks'; card: BoardCard; teamKey: string } | { kind: 'new'; teamKey: string; columnId: number } | null>(null);
  const removeDependency = useBoardEdit('plan.dependency.remove');
  const changeNeedBy = useBoardEdit('plan.dependency.needBy');
  const [capacity, setCapacityTarget] = useState<{ cell: BoardCell; anchor: HTMLElement } | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const data = board.data;
  // Plan confidence: simulated only when its tab or the lines' odds are shown (10,000 trials of every team).
  const linesByOdds = params.odds === 'lines';
  const confidence = useChannelQuery('forecast.plan', { increment: data?.increment.name }, { enabled: data !== undefined && (tab === 'confidence' || linesByOdds), placeholderData: keepPreviousData });
  const lineOdds = useMemo(() => (linesByOdds && confidence.data ? new Map(confidence.data.dependencies.map((d) => [d.key, d.onTimeProbability])) : null), [linesByOdds, confidence.data]);
  const teamName = useMemo(() => {
    const names = data ? boardTeamNames(data) : new Map<string, string>();
    return (key: string | null) => (key === null ? 'no team' : (names.get(key) ?? key));
  }, [data]);
  // The risks domain's own board, joined to this one (board-risks.ts): asked once the board is
  // there, so it never holds the first screen back. A risk saved, moved or raised anywhere
  // invalidates it ('risks.' in its channels' `mutates`), and the markers follow.
  const risks = useChannelQuery('risks.board', {}, { enabled: data !== undefined });
  const onBoardRisks = useMemo(() => (data && risks.data ? boardRisks(data, risks.data.risks, teamName) : NO_BOARD_RISKS), [data, risks.data, teamName]);
  // A risk's owner may be a team with nothing on the board: the risks' own list names every team.
  const ownerName = useMemo(() => {
    const names = new Map((risks.data?.teams ?? []).map((t) => [t.key, t.name]));
    return (key: string | null) => (key !== null && names.get(key)) || teamName(key);
  }, [risks.data?.teams, teamName]);
  const { focus, stale: staleFocus } = useMemo(() => resolveBoardFocus(board.isPlaceholderData ? undefined : data, { card: params.focus ?? null, team: params.team ?? null }), [board.isPlaceholderData, data, params.focus, params.team]);
  // One identity each for the board's life: the board and its side panel are memoised (see ProgramBoard).
  const onFocus = useStableCallback((f: BoardFocus) => setParams({ focus: f.card, team: f.team }));
  const onFocusCard = useStableCallback((key: string) => setParams({ focus: key, team: null }));
  const onSideTab = useStableCallback((t: SideTab) => setParams({ side: t === 'conflicts' ? null : t }));
  const onPlace = useStableCallback((request: PlaceRequest) => {
    if (!data) return;
    const where = `${teamName(request.teamKey)}, ${data.increment.iterations.find((i) => i.id === request.iterationId)?.name ?? ''}`;
    place.mutate({ ...request, incrementId: data.increment.id, view: boardInput }, { onSuccess: () => setAnnouncement(`Moved ${displayKey(request.itemKey)} to ${where}.`) });
  });
  const onCardMenu = useStableCallback((card: BoardCard, teamKey: string, anchor: HTMLElement) => setMenu({ card, teamKey, anchor }));
  const onAddToCell = useStableCallback((teamKey: string, columnId: number) => setDialog({ kind: 'new', teamKey, columnId }));
  const onCapacity = useStableCallback((cell: BoardCell, anchor: HTMLElement) => setCapacityTarget({ cell, anchor }));
  const onCardRisks = useStableCallback((card: BoardCard, teamKey: string) => setDialog({ kind: 'risks', card, teamKey }));
  const sideTab = ((['conflicts', 'lint', 'backlog', 'changes'] as const).find((t) => t === params.side) ?? 'conflicts') as SideTab;
  const sidePanel = useMemo(
    () =>
      params.side === 'hidden' || !data ? null : (
        <BoardSidePanel board={data} changes={data.changes} tab={sideTab} onTab={onSideTab} onFocusCard={onFocusCard} teamName={teamName} dependencyRisks={onBoardRisks.dependencies} />
      ),
    [params.side, data, sideTab, onSideTab, onFocusCard, teamName, onBoardRisks.dependencies],
  );
  const changed = useMemo(() => {
    const map = new Map<string, string>();
    for (const m of data?.changes?.moved ?? []) map.set(m.key, `moved from ${m.from.iteration}`);
    for (const a of data?.changes?.added ?? []) map.set(a.key, 'new since the baseline');
    return map;
  }, [data?.changes]);

  const onExportPng = useStableCallback(async () => {
    if (!data) return;
    const palette = theme.palette;
    const risks = { cards: onBoardRisks.cards, outline: palette.warning.main };
    const { source, width, height } = boardSvg(data, { teamName, color: palette.text.primary, muted: palette.text.secondary, line: palette.divider, card: palette.background.paper, fontFamily: theme.typography.fontFamily, risks });
    await exportSvgPng(source, width, height, {
      title: `${data.increment.name}: program board`,
      subtitle: boardPngSubtitle(data, onBoardRisks.count),
      fileName: `${fileSlug(data.increment.name)}-board.png`,
      background: palette.background.paper,
      color: palette.text.primary,
      fontFamily: theme.typography.fontFamily ?? 'sans-serif',
    });
  });
  const onExportCsv = useStableCallback(() => data && downloadCsv(`${fileSlug(data.increment.name)}-board.csv`, boardCsvRows(data, (k) => teamName(k), onBoardRisks.cards)));
  const onCommit = useStableCallback(() => data && commit.mutate({ incrementId: data.increment.id }, { onSuccess: (b) => setParams({ baseline: String(b.id), side: 'changes' }) }));
  const onUndo = useStableCallback(() => undo.mutate({ input: { board: { ...shown, incrementId: data?.increment.id } }, view: boardInput }));
  const onRedo = useStableCallback(() => redo.mutate({ input: { board: { ...shown, incrementId: data?.increment.id } }, view: boardInput }));
  const onNewIncrement = useStableCallback(() => setCreatingIncrement(true));
  const onTab = useStableCallback((t: PlanTab) => setParams({ tab: t === 'board' ? null : t }));
  // Presented, the board shows a screenful of iterations from this one (1-based in the address, so a deck's view can start at the last ones).
  const firstIteration = Math.max(0, (Number.parseInt(params.iteration ?? '', 10) || 1) - 1);
  const onFirstIteration = useStableCallback((start: number) => setParams({ iteration: start > 0 ? String(start + 1) : null }));

  // Ctrl/Cmd+Z undoes the last planning edit, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes it (not while typing).
  // Pressed while an edit is on its way (a move answers in a tenth of a second, more on a slow
  // machine), it waits for that edit's answer and then undoes it, not the edit before; after a
  // refused edit, it does nothing: that edit was already put back.
  const client = useQueryClient();
  useEffect(() => {
    // Whether the key is taken: an edit to step over now, or one on its way.
    const step = (which: 'undo' | 'redo', run: () => void): boolean => {
      if (client.isMutating({ mutationKey: BOARD_EDIT_KEY }) > 0) {
        void boardEditsStored(client).then((stored) => {
          if (stored && client.getQueryData<ChannelOutput<'plan.history'>>(['plan.history', {}])?.[which]) run();
        });
        return true;
      }
      if (!history.data?.[which]) return false;
      run();
      return true;
    };
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isEditable(event.target)) return;
      const key = event.key.toLowerCase();
      const handled = key === 'z' && !event.shiftKey ? step('undo', onUndo) : (key === 'z' && event.shiftKey) || key === 'y' ? step('redo', onRedo) : false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [client, history.data, onUndo, onRedo]);

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

  const onAction = (action: CardAction) => {
    if (!menu) return;
    const { card, teamKey } = menu;
    setMenu(null);
    if (action === 'move' || action === 'depend' || action === 'dependencies' || action === 'risks') setDialog({ kind: action, card, teamKey });
    else if (action === 'lines') setParams({ focus: card.key, team: null });
    else if (action === 'unplan' && data) unplan.mutate({ input: { incrementId: data.increment.id, itemKey: card.key, board: shown }, view: boardInput });
  };

  return (
    <>
      <PlanHeader subtitle={data ? `${data.increment.name}: ${data.increment.start} – ${data.increment.end}` : 'The program board'} history={history.data} undoBusy={undo.isPending} redoBusy={redo.isPending} onUndo={onUndo} onRedo={onRedo} onNewIncrement={onNewIncrement} />
      <PlanToolbar
        increment={data?.increment}
        increments={increments.data}
        grouping={grouping}
        baselineId={baselineId}
        baselines={baselines.data}
        committing={commit.isPending}
        setParams={setParams}
        onCommit={onCommit}
        onExportPng={onExportPng}
        onExportCsv={onExportCsv}
      />
      <ErrorNotice title="The plan could not be loaded" error={board.error ?? increments.error} />
      {[place.error, undo.error, redo.error, unplan.error, setCapacity.error, commit.error].filter(Boolean).map((e, i) => (
        <Alert key={i} severity="error" sx={{ mb: 1 }}>
          {e!.message}
        </Alert>
      ))}
      <PlanTabs tab={tab} labels={TAB_LABELS} onTab={onTab} />
      {data && (printing || tab === 'board') && (
        <Box data-print-section>
          <Typography variant="h2" data-print-only sx={{ mb: 2 }}>
            {TAB_LABELS.board}
          </Typography>
          <StaleViewNotice stale={staleFocus} where="on this board" instead="the board’s lines as without a focus" />
          <BoardLegend
            counts={data.dependencyCounts}
            capacityUnit={data.increment.capacityUnit}
            linesByOdds={linesByOdds}
            simulating={confidence.isFetching}
            showAllLines={params.lines === 'all'}
            sideShown={params.side !== 'hidden'}
            focus={focus}
            teamName={teamName}
            setParams={setParams}
            openRisks={onBoardRisks.count}
          />
          <ProgramBoard
            board={data}
            focus={focus}
            showAllLines={params.lines === 'all'}
            lineOdds={lineOdds}
            changed={changed}
            onFocus={onFocus}
            onPlace={onPlace}
            onCardMenu={onCardMenu}
            onAddToCell={onAddToCell}
            onCapacity={onCapacity}
            cardRisks={onBoardRisks.cards}
            onCardRisks={onCardRisks}
            sidePanel={sidePanel}
            firstIteration={firstIteration}
            onFirstIteration={onFirstIteration}
          />
        </Box>
      )}
      {data && ((printing && confidence.data) || tab === 'confidence') && (
        <Box data-print-section>
          <Typography variant="h2" data-print-only sx={{ mb: 2 }}>
            {TAB_LABELS.confidence}
          </Typography>
          <PlanConfidencePanel confidence={confidence.data} loading={confidence.isFetching} error={confidence.error} teamName={teamName} dependencies={data.dependencies} />
        </Box>
      )}
      {data && (printing || tab === 'objectives') && (
        <Box data-print-section>
          <Typography variant="h2" data-print-only sx={{ mb: 2 }}>
            {TAB_LABELS.objectives}
          </Typography>
          <ObjectivesPanel board={data} teamName={teamName} />
        </Box>
      )}
      {data && (printing || tab === 'setup') && (
        <Box data-print-section>
          <Typography variant="h2" data-print-only sx={{ mb: 2 }}>
            {TAB_LABELS.setup}
          </Typography>
          <IncrementSetup board={data} teamName={teamName} onRenamed={(name) => setParams({ increment: name })} onDeleted={() => setParams({ increment: null, tab: null })} />
        </Box>
      )}

      {/* Heard, not seen. */}
      <Box role="status" aria-live="polite" sx={visuallyHidden} data-testid="plan-announcement">
        {announcement}
      </Box>
      <CardMenu anchor={menu?.anchor ?? null} card={menu?.card ?? null} risks={menu ? (onBoardRisks.cards.get(menu.card.key)?.length ?? 0) : 0} onAction={onAction} onClose={() => setMenu(null)} />
      {dialog?.kind === 'risks' && <CardRisksDialog card={dialog.card} risks={onBoardRisks.cards.get(dialog.card.key) ?? []} teamName={ownerName} onClose={() => setDialog(null)} />}
      {data && dialog?.kind === 'move' && (
        <MoveDialog
          board={data}
          card={dialog.card}
          teamKey={dialog.teamKey}
          onClose={() => setDialog(null)}
          onMove={(request) => {
            setDialog(null);
            place.mutate({ ...request, incrementId: data.increment.id, view: boardInput });
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
          onAdd={(providerKey, neededBy) =>
            addDependency.mutate({ input: { consumerKey: dialog.card.key, providerKey, neededBy, board: { ...shown, incrementId: data.increment.id } }, view: boardInput }, { onSuccess: () => setDialog(null) })
          }
        />
      )}
      {data && dialog?.kind === 'dependencies' && (
        <CardDependenciesDialog
          board={data}
          card={dialog.card}
          teamName={teamName}
          busy={removeDependency.isPending || changeNeedBy.isPending}
          error={removeDependency.error?.message ?? null}
          needByError={changeNeedBy.error && changeNeedBy.variables ? { key: changeNeedBy.variables.input.key, message: changeNeedBy.error.message } : null}
          changed={changeNeedBy.data?.undo ?? null}
          onRemove={(key) => {
            changeNeedBy.reset();
            removeDependency.mutate({ input: { key, board: { ...shown, incrementId: data.increment.id } }, view: boardInput });
          }}
          onNeedBy={(key, neededBy) => {
            removeDependency.reset();
            changeNeedBy.mutate({ input: { key, neededBy, board: { ...shown, incrementId: data.increment.id } }, view: boardInput });
          }}
          onClose={() => {
            removeDependency.reset();
            changeNeedBy.reset();
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
          onSave={(amounts) => {
            setCapacityTarget(null);
            // One edit per box changed (each its own undo step), one after another; a refusal shows as the edit's error.
            void (async () => {
              for (const { iterationId, amount } of amounts) await setCapacity.mutateAsync({ input: { iterationId, teamKey: capacity.cell.teamKey, amount, board: shown }, view: boardInput });
            })().catch(() => undefined);
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
