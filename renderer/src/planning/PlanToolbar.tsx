import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
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
import { memo } from 'react';
import type { UndoState } from '../../../shared/contract/plan-channels';
import type { IncrementView } from '../../../shared/planning/board-schema';
import { DEPENDENCY_KIND_TEXT, DEPENDENCY_KINDS, stateOfKind, type DependencyKind } from '../../../shared/planning/dependency-state';
import { displayKey } from '../../../shared/planning/local-keys';
import { ODDS_BANDS } from '../forecast/odds-style';
import type { ParamPatch } from '../layout/view-address';
import { PageHeader } from '../layout/PageHeader';
import { STATE_STYLE } from './plan-style';
import { openRisksText } from './board-risk-texts';
import type { BoardFocus } from './ProgramBoard';
import { EMPTY_CHOICE_SHOWN } from '../layout/empty-choice';

// The Plan page's controls around the board, each memoised: a move changes the board, and the
// controls (MUI components that measure themselves, like Tabs) should not be drawn again for it.
// Callbacks must keep their identity (useStableCallback).

export const PlanHeader = memo(function PlanHeader(props: { subtitle: string; history: UndoState | undefined; undoBusy: boolean; redoBusy: boolean; onUndo(): void; onRedo(): void; onNewIncrement(): void }) {
  const { history } = props;
  return (
    <PageHeader
      title="Plan"
      subtitle={props.subtitle}
      actions={
        <Box data-tool sx={{ display: 'contents' }}>
          <Tooltip title={history?.undo ? `Undo: ${history.undo} (Ctrl+Z)` : 'Nothing to undo'}>
            <span>
              <Button startIcon={<UndoIcon />} disabled={!history?.undo || props.undoBusy} onClick={props.onUndo}>
                Undo
              </Button>
            </span>
          </Tooltip>
          <Tooltip title={history?.redo ? `Redo: ${history.redo} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
            <span>
              <Button startIcon={<RedoIcon />} disabled={!history?.redo || props.redoBusy} onClick={props.onRedo}>
                Redo
              </Button>
            </span>
          </Tooltip>
          <Button variant="outlined" onClick={props.onNewIncrement}>
            New increment
          </Button>
        </Box>
      }
    />
  );
});

export const PlanToolbar = memo(function PlanToolbar(props: {
  increment: IncrementView | undefined;
  increments: readonly IncrementView[] | undefined;
  grouping: string;
  baselineId: number | undefined;
  baselines: readonly { id: number; name: string }[] | undefined;
  committing: boolean;
  setParams(patch: ParamPatch): void;
  onCommit(): void;
  onExportPng(): void;
  onExportCsv(): void;
}) {
  const { setParams } = props;
  const none = props.increment === undefined;
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
      <TextField select size="small" label="Increment" value={props.increment?.name ?? ''} onChange={(e) => setParams({ increment: e.target.value, focus: null, team: null, baseline: null })} sx={{ minWidth: 200 }}>
        {(props.increments ?? []).map((i) => (
          <MenuItem key={i.id} value={i.name}>
            {i.name} ({i.start} – {i.end})
          </MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label="Rows grouped by" value={props.grouping} onChange={(e) => setParams({ group: e.target.value === 'coordination' ? null : e.target.value })} sx={{ minWidth: 200 }}>
        <MenuItem value="coordination">coordination group</MenuItem>
        <MenuItem value="value-stream">value stream</MenuItem>
      </TextField>
      <TextField slotProps={EMPTY_CHOICE_SHOWN} select size="small" label="Compare with" value={props.baselineId === undefined ? '' : String(props.baselineId)} onChange={(e) => setParams({ baseline: e.target.value || null, side: e.target.value ? 'changes' : null })} sx={{ minWidth: 220 }}>
        <MenuItem value="">no baseline</MenuItem>
        {(props.baselines ?? []).map((b) => (
          // A text value: the address takes the choice as it is (a number made it throw).
          <MenuItem key={b.id} value={String(b.id)}>
            {b.name}
          </MenuItem>
        ))}
      </TextField>
      <Button data-tool variant="outlined" disabled={none || props.committing} onClick={props.onCommit}>
        Commit the plan
      </Button>
      <Button data-tool onClick={props.onExportPng} disabled={none}>
        Export PNG
      </Button>
      <Button data-tool onClick={props.onExportCsv} disabled={none}>
        Export CSV
      </Button>
    </Box>
  );
});

export const PlanTabs = memo(function PlanTabs<T extends string>(props: { tab: T; labels: Record<T, string>; onTab(tab: T): void }) {
  return (
    <Tabs value={props.tab} onChange={(_e, t: T) => props.onTab(t)} sx={{ mb: 2 }} aria-label="Plan views">
      {(Object.keys(props.labels) as T[]).map((t) => (
        <Tab key={t} value={t} label={props.labels[t]} />
      ))}
    </Tabs>
  );
}) as <T extends string>(props: { tab: T; labels: Record<T, string>; onTab(tab: T): void }) => React.ReactNode;

export const BoardLegend = memo(function BoardLegend(props: {
  counts: Record<DependencyKind, number>;
  capacityUnit: string;
  linesByOdds: boolean;
  simulating: boolean;
  showAllLines: boolean;
  sideShown: boolean;
  focus: BoardFocus;
  teamName(key: string | null): string;
  setParams(patch: ParamPatch): void;
  /** Open risks on the board's cards: the key to the cards' risk marker. */
  openRisks?: number;
}) {
  const theme = useTheme();
  const { focus, setParams } = props;
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 1 }} data-testid="dependency-legend">
      {/* Every state, and a cancelled provider's apart from the unplanned (drawn alike: its colour and symbol). The
          states are the key to the lines' colours, so always there; cancelled providers are rare, and
          "0 provider cancelled" under every board read as one more thing to check (the PNG's subtitle names them alike). */}
      {DEPENDENCY_KINDS.filter((s) => s !== 'provider-cancelled' || props.counts[s] > 0).map((s) => (
        <Typography key={s} variant="body2" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
          <Box component="span" sx={{ width: 18, height: 18, borderRadius: '50%', bgcolor: STATE_STYLE[stateOfKind(s)].color, color: '#fff', display: 'inline-grid', placeItems: 'center', fontSize: theme.typography.caption.fontSize, fontWeight: 700, ...(theme.room ? { width: '1.4em', height: '1.4em' } : {}) }} aria-hidden>
            {DEPENDENCY_KIND_TEXT[s].symbol}
          </Box>
          {props.counts[s]} {DEPENDENCY_KIND_TEXT[s].label}
        </Typography>
      ))}
      {/* Only when there are some: "0 open risks" under every board would be one more thing to read. */}
      {(props.openRisks ?? 0) > 0 && (
        <Typography variant="body2" data-testid="risk-legend" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
          <span className="ilk-risk" aria-hidden>
            ⚠
          </span>
          {openRisksText(props.openRisks!)} on planned cards
        </Typography>
      )}
      <FormControlLabel data-tool control={<Switch checked={props.linesByOdds} onChange={(e) => setParams({ odds: e.target.checked ? 'lines' : null })} />} label="Colour lines by on-time odds" />
      {props.linesByOdds && (
        <Typography variant="body2" component="span" data-testid="odds-legend" sx={{ display: 'inline-flex', gap: 1.5, alignItems: 'center' }}>
          Provider done before it is needed:
          {ODDS_BANDS.map((b) => (
            <Box key={b.label} component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
              <Box component="span" aria-hidden sx={{ width: 18, height: 4, bgcolor: b.color }} />
              {b.label}
            </Box>
          ))}
          {props.simulating && ' (simulating…)'}
        </Typography>
      )}
      <FormControlLabel data-tool control={<Switch checked={props.showAllLines} onChange={(e) => setParams({ lines: e.target.checked ? 'all' : null })} />} label="Show lines in order too" />
      <FormControlLabel data-tool control={<Switch checked={props.sideShown} onChange={(e) => setParams({ side: e.target.checked ? null : 'hidden' })} />} label="Conflicts and backlog beside the board" />
      {(focus.card || focus.team) && (
        <Button size="small" onClick={() => setParams({ focus: null, team: null })}>
          Showing {focus.card ? displayKey(focus.card) : props.teamName(focus.team)}’s lines — show all problems
        </Button>
      )}
      <Typography variant="body2" color="text.secondary" data-tool>
        Cells show load / capacity in {props.capacityUnit}. Drag cards with the mouse; on a focused card, Alt + an arrow key moves it to the next iteration or team, Enter opens its menu. A card’s ⚠ lists its open risks.
      </Typography>
    </Box>
  );
});
