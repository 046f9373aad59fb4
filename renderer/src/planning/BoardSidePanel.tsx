import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo, useMemo, useState } from 'react';
import { boardConflicts } from '../../../shared/planning/board';
import type { Board, BoardDependency } from '../../../shared/planning/board-schema';
import type { BaselineChanges } from '../../../shared/planning/baseline';
import { DEPENDENCY_KIND_TEXT, DEPENDENCY_STATE_TEXT, dependencyEndPlace, dependencyProviderText, dependencyText } from '../../../shared/planning/dependency-state';
import { dependencyKeyText, displayKey } from '../../../shared/planning/local-keys';
import { useChannelQuery } from '../api/channel-hooks';
import { downloadCsv, fileSlug } from '../charts/csv';
import { STATE_STYLE } from './plan-style';
import type { BoardRisk } from '../../../shared/joins/board-risks';
import { NOTHING_TO_FLAG } from '../../../shared/planning/board-lint';
import { dependencyRiskText } from './board-risk-texts';
import { BacklogCard } from './ProgramBoard';
import { EMPTY_CHOICE_SHOWN } from '../layout/empty-choice';
import { PRESENTING_ATTRIBUTE } from '../theme/room-styles';

export type SideTab = 'conflicts' | 'lint' | 'backlog' | 'changes';

/** Beside the board: the conflicts to talk through, the lint, the backlog to plan from, and what changed since a baseline. */
export const BoardSidePanel = memo(function BoardSidePanel(props: {
  board: Board;
  changes: BaselineChanges | null;
  tab: SideTab;
  onTab(tab: SideTab): void;
  onFocusCard(key: string): void;
  teamName(key: string | null): string;
  /** Per dependency, its open risks (board-risks.ts): a conflict already raised and ROAMed says so. */
  dependencyRisks?: ReadonlyMap<string, readonly BoardRisk[]>;
}) {
  const { board } = props;
  const conflicts = useMemo(() => boardConflicts(board), [board]);
  return (
    <Box
      component="aside"
      aria-label="Conflicts, lint and backlog"
      sx={{ width: { xs: '100%', lg: 340 }, [PRESENTED]: { width: '100%' }, flexShrink: 0, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}
    >
      {/* The tabs wrap onto a second row rather than scroll: in a side column four tabs cut the
          chosen one to a letter, and a projector's type cuts more. Each marks itself when chosen,
          since the sliding indicator cannot follow a tab to another row. */}
      <Tabs
        value={props.tab}
        onChange={(_e, t: SideTab) => props.onTab(t)}
        aria-label="Beside the board"
        sx={{
          '& .MuiTabs-list': { flexWrap: 'wrap' },
          '& .MuiTabs-indicator': { display: 'none' },
          '& .MuiTab-root': { minWidth: 0, px: 1.5, borderBottom: 2, borderColor: 'transparent' },
          '& .MuiTab-root.Mui-selected': { borderColor: 'primary.main' },
        }}
      >
        <Tab value="conflicts" label={`Conflicts (${conflicts.length})`} />
        <Tab value="lint" label={`Lint (${board.lint.length})`} />
        <Tab value="backlog" label="Backlog" />
        {props.changes && <Tab value="changes" label="Changes" />}
      </Tabs>
      {/* Presented, below the board: the screen's width and as tall as its lists, so the window's ↓
          reaches the last conflict (a remote cannot scroll a box inside the page). It was a 340 px
          column beside an empty screen, its box 620 px high holding 900 px: the fourth conflict cut. */}
      <Box sx={{ p: 1.5, maxHeight: { xs: 640, lg: 'calc(100vh - 300px)' }, overflow: 'auto', [PRESENTED]: { maxHeight: 'none', overflow: 'visible' } }}>
        {props.tab === 'conflicts' && <ConflictList conflicts={conflicts} board={board} onFocusCard={props.onFocusCard} teamName={props.teamName} risks={props.dependencyRisks} />}
        {props.tab === 'lint' && <LintList board={board} onFocusCard={props.onFocusCard} />}
        {props.tab === 'backlog' && <Backlog board={board} teamName={props.teamName} />}
        {props.tab === 'changes' && props.changes && <ChangeList changes={props.changes} dependencies={props.board.dependencies} teamName={props.teamName} onFocusCard={props.onFocusCard} />}
      </Box>
    </Box>
  );
});

/** Presenting (theme/room-styles.ts): the panel's rules for the room. */
const PRESENTED = `html[${PRESENTING_ATTRIBUTE}] &`;

/**
 * Presented, a list (the conflicts, the lint) fills the screen's width in columns, read left to
 * right, row by row, in the list's order (two at 1280 px): a single column of the room's type left
 * most of the screen empty, and CSS columns would run the first one the whole page down.
 */
const PRESENTED_COLUMNS = { [PRESENTED]: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(480px, 1fr))', columnGap: 2, alignItems: 'start' } } as const;

/** Lists show this many rows until asked for all (hundreds of rows are for the CSV, not the room). */
const SHOWN = 60;

function ConflictList({
  conflicts,
  board,
  onFocusCard,
  teamName,
  risks,
}: {
  conflicts: ReturnType<typeof boardConflicts>;
  board: Board;
  onFocusCard(key: string): void;
  teamName(key: string | null): string;
  risks: ReadonlyMap<string, readonly BoardRisk[]> | undefined;
}) {
  const [all, setAll] = useState(false);
  if (conflicts.length === 0) return <Typography color="text.secondary">No conflicts and no unplanned dependencies: every provider is planned before the work that needs it.</Typography>;
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Oldest need first: the teams who must talk before the plan holds.
      </Typography>
      <List dense aria-label="Conflicts and unplanned dependencies" data-testid="conflicts-list" sx={PRESENTED_COLUMNS}>
        {(all ? conflicts : conflicts.slice(0, SHOWN)).map((c) => (
          <ConflictRow key={c.key} conflict={c} onFocusCard={onFocusCard} teamName={teamName} risk={dependencyRiskText(risks?.get(c.key) ?? [])} />
        ))}
      </List>
      {!all && conflicts.length > SHOWN && (
        <Button size="small" onClick={() => setAll(true)}>
          Show all {conflicts.length}
        </Button>
      )}
      <Button
        data-tool
        size="small"
        onClick={() => {
          const rows = conflicts.map((c) => [
            dependencyText(c).label,
            c.needAt,
            displayKey(c.consumer.itemKey),
            teamName(c.consumer.teamKey),
            c.consumer.iterationName,
            // Empty for a dependency on a team alone: the next column names who provides.
            c.provider.itemKey === null ? '' : displayKey(c.provider.itemKey),
            teamName(c.provider.teamKey),
            dependencyEndPlace(c.provider),
          ]);
          downloadCsv(`${fileSlug(board.increment.name)}-conflicts.csv`, [['State', 'Needed by', 'Waiting item', 'Waiting team', 'Its iteration', 'Provider item', 'Provider team', 'Provider iteration'], ...rows]);
        }}
      >
        Export CSV
      </Button>
    </>
  );
}

/** One conflict; memoised: a move changes a few of hundreds (the board keeps the others as the same objects). */
const ConflictRow = memo(function ConflictRow({ conflict: c, onFocusCard, teamName, risk }: { conflict: BoardDependency; onFocusCard(key: string): void; teamName(key: string | null): string; risk: string }) {
  return (
    <ListItem disablePadding>
      <ListItemButton onClick={() => onFocusCard(c.consumer.itemKey)} sx={{ borderLeft: 4, borderColor: STATE_STYLE[c.state].color, mb: 0.5, alignItems: 'flex-start' }}>
        <ListItemText
          primary={`${dependencyText(c).symbol} ${teamName(c.consumer.teamKey)} ↔ ${teamName(c.provider.teamKey)}`}
          secondary={`${displayKey(c.consumer.itemKey)} (${c.consumer.iterationName}) waits on ${dependencyProviderText(c.provider, teamName)} · ${dependencyText(c).label} · needed ${c.needAt}${risk ? ` · ${risk}` : ''}`}
          slotProps={{ primary: { sx: { fontWeight: 600 } } }}
        />
      </ListItemButton>
    </ListItem>
  );
});

function LintList({ board, onFocusCard }: { board: Board; onFocusCard(key: string): void }) {
  const [all, setAll] = useState(false);
  if (board.lint.length === 0) return <Typography color="text.secondary">{NOTHING_TO_FLAG}</Typography>;
  return (
    <>
    <List dense aria-label="Board lint" data-testid="lint-list" sx={PRESENTED_COLUMNS}>
      {(all ? board.lint : board.lint.slice(0, SHOWN)).map((l, i) => (
        <ListItem key={i} disablePadding>
          <ListItemButton disabled={l.itemKeys.length === 0} onClick={() => l.itemKeys[0] && onFocusCard(l.itemKeys[0])}>
            <ListItemText primary={l.message} secondary={l.rule.replaceAll('-', ' ')} />
          </ListItemButton>
        </ListItem>
      ))}
    </List>
    {!all && board.lint.length > SHOWN && (
      <Button size="small" onClick={() => setAll(true)}>
        Show all {board.lint.length}
      </Button>
    )}
    </>
  );
}

function Backlog({ board, teamName }: { board: Board; teamName(key: string | null): string }) {
  const [search, setSearch] = useState('');
  const [team, setTeam] = useState('');
  const backlog = useChannelQuery('plan.backlog', { incrementId: board.increment.id, search, teamKey: team || undefined, limit: 60 });
  const items = backlog.data?.items ?? [];
  return (
    <>
      <Box sx={{ display: 'flex', gap: 1, mb: 1 }}>
        <TextField size="small" label="Find" value={search} onChange={(e) => setSearch(e.target.value)} sx={{ flex: 1 }} />
        <TextField slotProps={EMPTY_CHOICE_SHOWN} size="small" select label="Team" value={team} onChange={(e) => setTeam(e.target.value)} sx={{ width: 150 }}>
          <MenuItem value="">All teams</MenuItem>
          {board.teams.map((t) => (
            <MenuItem key={t.key} value={t.key}>
              {t.name}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {backlog.data ? `${backlog.data.total.toLocaleString()} open items not planned${backlog.data.total > items.length ? `; the first ${items.length} shown` : ''}. Drag one onto a cell.` : 'Loading…'}
      </Typography>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }} data-testid="backlog">
          {items.map((i) => (
            <BacklogCard key={i.key} itemKey={i.key} title={i.title} detail={`${i.type} · ${teamName(i.teamKey)} · ${i.status}${i.size !== null ? ` · size ${i.size}` : ''}`} />
          ))}
      </Box>
    </>
  );
}

function ChangeList({ changes, dependencies, teamName, onFocusCard }: { changes: BaselineChanges; dependencies: readonly BoardDependency[]; teamName(key: string | null): string; onFocusCard(key: string): void }) {
  // A dependency's key ("DEP-221") means nothing to the room: it is said by who waits on whom, as
  // the conflicts list says it, and leads to the waiting card.
  const byKey = new Map(dependencies.map((d) => [d.key, d]));
  const dependencyLine = (key: string, says: string): [string | null, string] => {
    const d = byKey.get(key);
    return d ? [d.consumer.itemKey, `${displayKey(d.consumer.itemKey)} waits on ${dependencyProviderText(d.provider, teamName)}: ${says}`] : [null, `${dependencyKeyText(key)}: ${says}`];
  };
  // A new conflict is worded by its kind now (a provider cancelled says so); what it was, by its state then.
  const nothing = changes.moved.length + changes.added.length + changes.removed.length + changes.newConflicts.length + changes.providersCancelled.length === 0;
  return (
    <Box data-testid="baseline-changes">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Since “{changes.baseline.name}”.
      </Typography>
      {/* With dependencies left out of the comparison, "nothing" is only what could be compared. */}
      {nothing && <Typography>{changes.notCompared.length > 0 ? 'Nothing compared has changed since.' : 'Nothing has changed since.'}</Typography>}
      <Section title={`Moved (${changes.moved.length})`} lines={changes.moved.map((m) => [m.key, `${displayKey(m.key)} ${m.title}: ${teamName(m.from.teamKey)}, ${m.from.iteration} → ${teamName(m.to.teamKey)}, ${m.to.iteration}`])} onFocusCard={onFocusCard} />
      <Section title={`Added (${changes.added.length})`} lines={changes.added.map((a) => [a.key, `${displayKey(a.key)} ${a.title}: ${teamName(a.teamKey)}, ${a.iteration}`])} onFocusCard={onFocusCard} />
      <Section title={`Removed (${changes.removed.length})`} lines={changes.removed.map((r) => [null, `${displayKey(r.key)} ${r.title}: was ${teamName(r.teamKey)}, ${r.iteration}`])} onFocusCard={onFocusCard} />
      <Section title={`New conflicts (${changes.newConflicts.length})`} lines={changes.newConflicts.map((c) => dependencyLine(c.key, `${DEPENDENCY_KIND_TEXT[c.kind].label}${c.was ? ` (was ${DEPENDENCY_STATE_TEXT[c.was].label})` : ''}`))} onFocusCard={onFocusCard} />
      <Section title={`Providers cancelled since (${changes.providersCancelled.length})`} lines={changes.providersCancelled.map((c) => dependencyLine(c.key, cancelledSinceText(c)))} onFocusCard={onFocusCard} />
      {changes.notCompared.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="baseline-not-compared">
          {notComparedText(changes.notCompared.length)}
        </Typography>
      )}
    </Box>
  );
}

/**
 * A dependency troubled then and now whose provider was cancelled since. A baseline that kept no
 * kinds cannot say whether its provider was cancelled already: it says both.
 */
function cancelledSinceText(c: BaselineChanges['providersCancelled'][number]): string {
  const was = DEPENDENCY_STATE_TEXT[c.was].label;
  return `${DEPENDENCY_KIND_TEXT['provider-cancelled'].label} (${c.mayHaveBeenCancelled ? `at the baseline: ${was}, or already cancelled` : `was ${was}`})`;
}

/** Said once, not per dependency: the baseline cannot tell, so none of them is called new. */
function notComparedText(count: number): string {
  const [verb, them] = count === 1 ? ['is', 'it'] : ['are', 'them'];
  return `This baseline was committed before dependencies on a team alone were kept: ${count} open now ${verb} not compared (the Conflicts tab lists ${them}).`;
}

function Section({ title, lines, onFocusCard }: { title: string; lines: [string | null, string][]; onFocusCard(key: string): void }) {
  if (lines.length === 0) return null;
  return (
    <>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {title}
      </Typography>
      <List dense>
        {lines.map(([key, text], i) => (
          <ListItem key={i} disablePadding>
            <ListItemButton disabled={key === null} onClick={() => key && onFocusCard(key)}>
              <ListItemText primary={text} />
            </ListItemButton>
          </ListItem>
        ))}
      </List>
    </>
  );
}
