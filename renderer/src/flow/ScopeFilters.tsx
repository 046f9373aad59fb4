import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { ScopeOptions } from '../../../shared/contract/metrics-channels';
import { ITEM_TYPES, type ItemType } from '../../../shared/domain/vocabulary';
import { StaleViewNotice } from '../layout/StaleViewNotice';
import { periodBefore, staleSelections, teamKeysFor, type ResolvedPicker, type ScopeState, type TeamPickerOption } from './scope-state';

const TYPE_LABELS: Record<ItemType, string> = { epic: 'Epics', feature: 'Features', story: 'Stories', defect: 'Defects', risk: 'Risks', debt: 'Debt', task: 'Tasks' };

function MultiPicker({
  id,
  label,
  options,
  value,
  onChange,
  onOpen,
  loading = false,
}: {
  id: string;
  label: string;
  options: readonly TeamPickerOption[];
  value: readonly string[];
  onChange(values: string[]): void;
  onOpen?(): void;
  loading?: boolean;
}) {
  const selected = options.filter((o) => value.includes(o.value));
  return (
    <Autocomplete
      multiple
      size="small"
      limitTags={2}
      options={options as TeamPickerOption[]}
      value={selected}
      onChange={(_e, next) => onChange(next.map((o) => o.value))}
      onOpen={onOpen}
      loading={loading}
      loadingText="Loading…"
      isOptionEqualToValue={(a, b) => a.value === b.value}
      getOptionLabel={(o) => o.label}
      sx={{ minWidth: 220, flex: '1 1 220px' }}
      renderInput={(params) => (
        // The label stays above so that "All" (nothing chosen) is read, not a blank field under it.
        <TextField
          {...params}
          label={label}
          placeholder={selected.length ? '' : 'All'}
          slotProps={{ ...params.slotProps, inputLabel: { ...params.slotProps.inputLabel, shrink: true }, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': `picker-${id}` } }}
        />
      )}
    />
  );
}

/**
 * The filter bar of the Flow, Delivery and Forecast pages: team pickers (any number), item types,
 * the window and the window to compare with. Comparison is always across time within one scope;
 * the Forecast page has none (`comparison` false) and its own default window (the history sampled).
 */
export function ScopeFilters({
  pickers,
  state,
  onChange,
  onOpenPicker,
  options,
  comparison = true,
  defaultWindow = options.defaultWindow,
  windowLabels = { from: 'From', to: 'To' },
}: {
  pickers: readonly ResolvedPicker[];
  state: ScopeState;
  onChange(patch: Partial<ScopeState>): void;
  onOpenPicker(id: string): void;
  options: ScopeOptions;
  comparison?: boolean;
  defaultWindow?: ScopeOptions['defaultWindow'];
  windowLabels?: { from: string; to: string };
}) {
  const window = state.window ?? defaultWindow;
  const compareKind = typeof state.compare === 'string' ? state.compare : 'custom';
  const setWindow = (patch: Partial<typeof window>) => {
    const next = { ...window, ...patch };
    if (next.from && next.to && next.from <= next.to) onChange({ window: next });
  };
  const typeOptions = options.itemTypes.map((t) => ({ value: t, label: TYPE_LABELS[t], teamKeys: [] }));
  const stale = staleSelections(pickers, state.selections);
  return (
    <>
    <StaleViewNotice stale={stale} instead={teamKeysFor(pickers, state.selections) === undefined ? 'all teams' : null} />
    <Paper variant="outlined" component="section" aria-label="Scope and window" sx={{ p: 2, mb: 3 }}>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        {pickers.map((p) => (
          <MultiPicker
            key={p.id}
            id={p.id}
            label={p.label}
            options={p.options}
            loading={p.loading}
            onOpen={() => onOpenPicker(p.id)}
            value={state.selections[p.id] ?? []}
            onChange={(values) => onChange({ selections: { ...state.selections, [p.id]: values } })}
          />
        ))}
        <MultiPicker
          id="itemTypes"
          label="Item types"
          options={typeOptions}
          value={state.itemTypes}
          onChange={(values) => onChange({ itemTypes: ITEM_TYPES.filter((t) => values.includes(t)) })}
        />
        <TextField size="small" type="date" label={windowLabels.from} value={window.from} onChange={(e) => setWindow({ from: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField size="small" type="date" label={windowLabels.to} value={window.to} onChange={(e) => setWindow({ to: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
        {comparison && (
          <TextField
            select
            size="small"
            label="Compare with"
            value={compareKind}
            sx={{ minWidth: 190 }}
            onChange={(e) => {
              const kind = e.target.value;
              if (kind === 'custom') onChange({ compare: periodBefore(window) });
              else onChange({ compare: kind as 'previous' | 'none' });
            }}
          >
            <MenuItem value="previous">The period before</MenuItem>
            <MenuItem value="custom">Other dates…</MenuItem>
            <MenuItem value="none">Nothing</MenuItem>
          </TextField>
        )}
        {comparison && typeof state.compare === 'object' && (
          <>
            <TextField
              size="small"
              type="date"
              label="Compare from"
              value={state.compare.from}
              onChange={(e) => typeof state.compare === 'object' && e.target.value && e.target.value <= state.compare.to && onChange({ compare: { ...state.compare, from: e.target.value } })}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              size="small"
              type="date"
              label="Compare to"
              value={state.compare.to}
              onChange={(e) => typeof state.compare === 'object' && e.target.value && e.target.value >= state.compare.from && onChange({ compare: { ...state.compare, to: e.target.value } })}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </>
        )}
        <Button onClick={() => onChange({ selections: {}, itemTypes: [], window: null, compare: comparison ? 'previous' : 'none' })}>Reset</Button>
      </Stack>
    </Paper>
    </>
  );
}
