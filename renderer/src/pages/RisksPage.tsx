import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract/contract';
import { CSV_TEMPLATES } from '../../../shared/import/templates';
import { riskCsvRows } from '../../../shared/risks/risk-csv';
import { openRisksRaisedFrom } from '../../../shared/risks/risk-from-dependency';
import { filterRisks, parseScopeId, SCOPE_KIND_NAMES, scopeId, scopeOptions, type ScopeNames } from '../../../shared/risks/risk-scope';
import type { Risk } from '../../../shared/risks/risk-schema';
import { moveRisk, roamCounts } from '../../../shared/risks/roam';
import { invalidateAfterWrite, useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { invokeOrThrow, type ContractError } from '../api/contract-client';
import { downloadBlob, downloadCsv } from '../charts/csv';
import { ErrorNotice } from '../layout/ErrorNotice';
import { PageHeader } from '../layout/PageHeader';
import { StaleViewNotice } from '../layout/StaleViewNotice';
import { useViewParams } from '../layout/view-params';
import { ExportReportButton } from '../report/ExportReportButton';
import { RaiseFromConflictsDialog } from '../risks/RaiseFromConflicts';
import { DeleteRiskDialog, RiskDialog, RiskMenu, type RiskAction } from '../risks/RiskDialogs';
import { RoamBoard } from '../risks/RoamBoard';

const BOARD_KEY = ['risks.board', {}];
const WHO_KEY = 'interlock.facilitator';

/** Moves a card at once on screen, then stores the move; a refusal puts the board back. */
function useMove() {
  const client = useQueryClient();
  return useMutation<ChannelOutput<'risks.move'>, ContractError, ChannelInput<'risks.move'>, { previous: unknown }>({
    mutationFn: (input) => invokeOrThrow('risks.move', input),
    onMutate: async (input) => {
      await client.cancelQueries({ queryKey: BOARD_KEY });
      const previous = client.getQueryData(BOARD_KEY);
      client.setQueryData<ChannelOutput<'risks.board'>>(BOARD_KEY, (board) =>
        board ? { ...board, risks: moveRisk(board.risks, { key: input.key, to: input.status, beforeKey: input.beforeKey ?? null, at: new Date().toISOString(), who: input.who }) } : board,
      );
      return { previous };
    },
    onError: (_error, _input, context) => client.setQueryData(BOARD_KEY, context?.previous),
    onSettled: () => invalidateAfterWrite(client, 'risks.move'),
  });
}

export function RisksPage() {
  const [params, setParams] = useViewParams();
  const board = useChannelQuery('risks.board', {});
  const move = useMove();
  const save = useChannelMutation('risks.save');
  const remove = useChannelMutation('risks.delete');
  const [who, setWho] = useState(() => localStorage.getItem(WHO_KEY) ?? '');
  const [menu, setMenu] = useState<{ risk: Risk; anchor: HTMLElement } | null>(null);
  const [deleting, setDeleting] = useState<Risk | null>(null);
  const data = board.data;

  const names: ScopeNames = useMemo(
    () => ({ teams: new Map((data?.teams ?? []).map((t) => [t.key, t.name])), groups: new Map((data?.groups ?? []).map((g) => [g.key, { name: g.name, teamKeys: g.teamKeys }])) }),
    [data?.teams, data?.groups],
  );
  const options = useMemo(() => scopeOptions(data?.risks ?? [], names, data?.increments ?? []), [data?.risks, data?.increments, names]);
  const filterScope = parseScopeId(params.scope);
  // A scope the address names that is neither in the workspace nor on any risk (a team removed
  // since a deck's view was made): said above the board, and named in the Scope box, not blank.
  const staleScope = data && filterScope && !options.some((o) => o.id === params.scope) ? filterScope : null;
  const withTeams = params.teams !== '0';
  const shown = useMemo(() => filterRisks(data?.risks ?? [], { scope: parseScopeId(params.scope), withTeams }, names), [data?.risks, params.scope, withTeams, names]);
  const editing = params.risk === 'new' ? 'new' : (data?.risks.find((r) => r.key === params.risk) ?? null);
  const defaultScope = params.scope && filterScope ? params.scope : data?.currentIncrement ? scopeId({ kind: 'increment', key: data.currentIncrement }) : (options[0]?.id ?? '');

  if (board.isPending) return <LinearProgress aria-label="Loading the risks" />;
  const counts = roamCounts(shown);
  const changeWho = (value: string) => {
    setWho(value);
    localStorage.setItem(WHO_KEY, value);
  };
  const closeDialog = () => {
    save.reset();
    setParams({ risk: null });
  };
  const onAction = (action: RiskAction) => {
    if (!menu) return;
    const { risk } = menu;
    setMenu(null);
    if (action.kind === 'move') move.mutate({ key: risk.key, status: action.status, who: who || null });
    else if (action.kind === 'edit') setParams({ risk: risk.key });
    else setDeleting(risk);
  };
  const deleteRisk = (risk: Risk) =>
    remove.mutate(
      { key: risk.key },
      {
        onSuccess: () => {
          setDeleting(null);
          setParams({ risk: null });
        },
      },
    );

  return (
    <>
      <PageHeader
        title="Risks (ROAM)"
        subtitle={
          data
            ? `${shown.length} ${shown.length === 1 ? 'risk' : 'risks'} shown, ${counts.unroamed} not yet ROAMed. Talk each through: Resolved, Owned, Accepted or Mitigated.`
            : 'The ROAM risk board'
        }
        actions={
          <>
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setParams({ risk: 'new' })} disabled={!data || options.length === 0}>
              New risk
            </Button>
            <Button data-tool variant="outlined" disabled={!data} onClick={() => downloadCsv(`interlock-risks${filterScope ? `-${filterScope.key.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : ''}.csv`, riskCsvRows(shown))}>
              Export CSV
            </Button>
            <ExportReportButton />
          </>
        }
      />
      <ErrorNotice title="The risks could not be loaded" error={board.error} />
      {[move.error, remove.error].filter(Boolean).map((e, i) => (
        <Alert key={i} severity="error" sx={{ mb: 1 }}>
          {e!.message}
        </Alert>
      ))}
      {staleScope && <StaleViewNotice stale={[{ kind: SCOPE_KIND_NAMES[staleScope.kind], value: staleScope.key }]} instead="an empty board; pick a scope below" />}
      {data && (
        <>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
            <TextField select label="Scope" value={filterScope ? params.scope : 'all'} onChange={(e) => setParams({ scope: e.target.value === 'all' ? null : e.target.value, teams: null })} sx={{ minWidth: 280 }}>
              <MenuItem value="all">All scopes ({data.risks.length})</MenuItem>
              {staleScope && (
                <MenuItem value={params.scope} disabled>
                  {staleScope.key} (no such {SCOPE_KIND_NAMES[staleScope.kind]})
                </MenuItem>
              )}
              <ListSubheader>Whole increment</ListSubheader>
              {options.filter((o) => o.scope.kind === 'increment').map((o) => (
                <MenuItem key={o.id} value={o.id}>
                  {o.label} ({o.risks})
                </MenuItem>
              ))}
              <ListSubheader>Coordination group (mission-level board)</ListSubheader>
              {options.filter((o) => o.scope.kind === 'group').map((o) => (
                <MenuItem key={o.id} value={o.id}>
                  {o.label} ({o.risks})
                </MenuItem>
              ))}
              <ListSubheader>Team</ListSubheader>
              {options.filter((o) => o.scope.kind === 'team').map((o) => (
                <MenuItem key={o.id} value={o.id}>
                  {o.label} ({o.risks})
                </MenuItem>
              ))}
            </TextField>
            {filterScope?.kind === 'group' && (
              <FormControlLabel control={<Switch checked={withTeams} onChange={(e) => setParams({ teams: e.target.checked ? null : '0' })} />} label="With its teams’ own risks" />
            )}
            <TextField data-tool label="Changes recorded as" placeholder="your name (optional)" value={who} onChange={(e) => changeWho(e.target.value)} sx={{ minWidth: 220 }} slotProps={{ htmlInput: { maxLength: 200 } }} />
            <Button data-tool onClick={() => downloadBlob('interlock-risks.csv', new Blob([CSV_TEMPLATES.risks], { type: 'text/csv;charset=utf-8' }))}>Download the CSV template</Button>
            <Button href="#/import" data-tool>
              Import risks from a CSV…
            </Button>
            <Button onClick={() => setParams({ raise: '1' })} disabled={data.increments.length === 0}>
              Raise dependency conflicts…
            </Button>
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-no-print>
            Drag a risk to another column, or focus it and press Space, then the arrow keys, then Space; Enter opens its menu. Double-click a risk to edit it and see its history.
          </Typography>
          {data.risks.length === 0 && (
            <Alert severity="info" sx={{ mb: 2 }}>
              No risks yet. Add one, import the risks template, or raise the plan’s dependency conflicts as risks (Raise dependency conflicts…).
            </Alert>
          )}
          <RoamBoard
            risks={shown}
            names={names}
            onMove={(key, status, beforeKey) => move.mutate({ key, status, beforeKey, who: who || null })}
            onOpen={(risk) => setParams({ risk: risk.key })}
            onMenu={(risk, anchor) => setMenu({ risk, anchor })}
          />
        </>
      )}
      <RiskMenu anchor={menu?.anchor ?? null} risk={menu?.risk ?? null} onAction={onAction} onClose={() => setMenu(null)} />
      {data && editing !== null && (
        <RiskDialog
          key={editing === 'new' ? 'new' : editing.key}
          risk={editing === 'new' ? null : editing}
          scopeOptions={options}
          defaultScope={defaultScope}
          teams={data.teams}
          who={who}
          busy={save.isPending}
          error={save.error?.message ?? remove.error?.message ?? null}
          onSave={(input) => save.mutate(input, { onSuccess: () => closeDialog() })}
          onDelete={deleteRisk}
          onClose={closeDialog}
        />
      )}
      {data && params.raise === '1' && (
        <RaiseFromConflictsDialog
          raised={openRisksRaisedFrom(data.risks)}
          who={who || null}
          teamName={(key) => (key === null ? 'no team' : (names.teams.get(key) ?? key))}
          onClose={() => setParams({ raise: null })}
        />
      )}
      {deleting && <DeleteRiskDialog risk={deleting} onCancel={() => setDeleting(null)} onDelete={() => deleteRisk(deleting)} />}
    </>
  );
}
