import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import type { MetricsScope, ResolvedScope, ScopeOptions } from '../../../shared/contract/metrics-channels';
import { useChannelQuery } from '../api/channel-hooks';
import { formatUtcDateTime } from '../charts/format-metrics';
import { ErrorNotice } from '../layout/ErrorNotice';
import { PageHeader } from '../layout/PageHeader';
import { ScopeFilters } from './ScopeFilters';
import { pickerWanted, scopeInput, selectionsResolved, teamKeysFor, usePickerOptions, useScopeState, type TeamPicker } from './scope-state';

/** "Checkout, Basket · stories, defects · 2026-08-17 – 2026-11-15, compared with …". */
export function describeScope(scope: ResolvedScope, allTypes: number): string {
  const teams = scope.allTeams ? 'All teams' : scope.teams.length === 0 ? 'No teams' : scope.teams.map((t) => t.name).join(', ');
  const types = scope.itemTypes.length === allTypes ? 'all item types' : scope.itemTypes.join(', ') || 'no item types';
  const compare = scope.compare ? `, compared with ${scope.compare.label}` : '';
  const asOf = scope.asOf ? ` · data as of ${formatUtcDateTime(scope.asOf)}` : '';
  return `${teams} · ${types} · ${scope.window.label}${compare}${asOf}`;
}

/**
 * What the Flow and Delivery pages share: the header, the filter bar (with the pickers the page
 * passes) and the scope input the page's query is made from. `ready` is false while the options
 * a selection needs are on their way (asking before would compute a scope nobody chose); the default
 * scope needs none, so the page's report is asked for at once, beside the options.
 */
export function useMetricsScope(pickers: readonly TeamPicker[]): {
  input: MetricsScope;
  ready: boolean;
  options: ScopeOptions | undefined;
  filters: ReactNode;
  optionsError: Error | null;
} {
  const options = useChannelQuery('metrics.scopeOptions', {});
  const [state, update] = useScopeState(pickers.map((p) => p.id));
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  const resolved = usePickerOptions(pickers, (id) => pickerWanted(id, opened, state.selections));
  const input = scopeInput(state, teamKeysFor(resolved, state.selections));
  const ready = selectionsResolved(resolved, state.selections);
  const onOpen = (id: string) => !opened.has(id) && setOpened(new Set([...opened, id]));
  const filters = options.data ? <ScopeFilters pickers={resolved} state={state} onChange={update} onOpenPicker={onOpen} options={options.data} /> : null;
  return { input, ready, options: options.data, filters, optionsError: options.error };
}

export function MetricsPageHeader({ title, scope, allTypes, actions }: { title: string; scope: ResolvedScope | undefined; allTypes: number; actions?: ReactNode }) {
  return <PageHeader title={title} subtitle={scope ? describeScope(scope, allTypes) : ' '} actions={actions} />;
}

export function MetricsLoading({ loading, error, title }: { loading: boolean; error: Error | null; title: string }) {
  return (
    <>
      {loading && <LinearProgress aria-label="Computing metrics" sx={{ mb: 2 }} />}
      <ErrorNotice title={title} error={error} />
    </>
  );
}

export function NoDataYet() {
  return (
    <Typography color="text.secondary" sx={{ my: 4 }}>
      This workspace holds no delivery data yet: import your teams’ exports on the Import page.
    </Typography>
  );
}
