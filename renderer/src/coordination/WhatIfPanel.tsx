import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { useState } from 'react';
import type { CoordinationWindow, DependencyRow } from '../../../shared/contract/coordination-channels';
import type { CoordinationReport } from '../../../shared/coordination/report-schema';
import type { ScenarioChange } from '../../../shared/coordination/what-if';
import { useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { ErrorNotice } from '../layout/ErrorNotice';
import { MODEL_NAMES, teamNames } from './coordination-style';

type Kind = ScenarioChange['kind'];

function describeChange(change: ScenarioChange, name: (k: string) => string): string {
  switch (change.kind) {
    case 'move':
      return change.toTeamKey === null ? `${name(change.teamKey)} stands alone` : `${name(change.teamKey)} joins ${name(change.toTeamKey)}’s group`;
    case 'merge':
      return `Merge ${name(change.teamKeys[0])} and ${name(change.teamKeys[1])}${change.name ? ` into “${change.name}”` : ''}`;
    case 'resolve':
      return `Resolve ${change.dependencyKeys.length} ${change.dependencyKeys.length === 1 ? 'dependency' : 'dependencies'} by design`;
  }
}

function TeamSelect(props: { label: string; teams: readonly { key: string; name: string }[]; value: string; onChange(value: string): void; alone?: boolean }) {
  return (
    <TextField select label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      {props.alone && <MenuItem value="__alone">No one: it stands alone</MenuItem>}
      {props.teams.map((t) => (
        <MenuItem key={t.key} value={t.key}>
          {t.name}
        </MenuItem>
      ))}
    </TextField>
  );
}

function pct(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)} %`;
}

/** Move, merge or decouple teams on paper and see the advice change; nothing is stored until saved. */
export function WhatIfPanel({ report, window }: { report: CoordinationReport; window: CoordinationWindow }) {
  const names = teamNames(report);
  const name = (k: string) => names.get(k) ?? k;
  const teams = [...report.teams].sort((a, b) => a.name.localeCompare(b.name));
  const [changes, setChanges] = useState<ScenarioChange[]>([]);
  const [kind, setKind] = useState<Kind>('move');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [mergedName, setMergedName] = useState('');
  const [chosen, setChosen] = useState<DependencyRow[]>([]);
  const [scenarioName, setScenarioName] = useState('');
  const dependencies = useChannelQuery('coordination.dependencies', { window, state: 'all', limit: 2000 }, { enabled: kind === 'resolve' });
  const evaluate = useChannelMutation('coordination.whatIf');
  const saved = useChannelQuery('coordination.scenarios.list', {});
  const save = useChannelMutation('coordination.scenarios.save');
  const remove = useChannelMutation('coordination.scenarios.delete');

  const draft: ScenarioChange | null =
    kind === 'move' && first
      ? { kind: 'move', teamKey: first, toTeamKey: second === '' || second === '__alone' ? null : second }
      : kind === 'merge' && first && second && first !== second
        ? { kind: 'merge', teamKeys: [first, second], ...(mergedName.trim() ? { name: mergedName.trim() } : {}) }
        : kind === 'resolve' && chosen.length > 0
          ? { kind: 'resolve', dependencyKeys: chosen.map((d) => d.key) }
          : null;

  const add = () => {
    if (!draft) return;
    setChanges([...changes, draft]);
    setFirst('');
    setSecond('');
    setMergedName('');
    setChosen([]);
    evaluate.reset();
  };
  const run = () => evaluate.mutate({ window, changes });
  const result = evaluate.data;

  return (
    <Grid container spacing={3}>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Card>
          <CardContent>
            <Typography variant="h2">Scenario</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              Nothing is stored unless you save the scenario.
            </Typography>
            <Stack spacing={2} sx={{ mt: 2 }}>
              <TextField select label="Change" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
                <MenuItem value="move">Move a team to another group</MenuItem>
                <MenuItem value="merge">Merge two teams</MenuItem>
                <MenuItem value="resolve">Resolve dependencies (remove them by design)</MenuItem>
              </TextField>
              {kind !== 'resolve' && <TeamSelect label={kind === 'move' ? 'Team' : 'First team'} teams={teams} value={first} onChange={setFirst} />}
              {kind === 'move' && <TeamSelect label="Joins the group of" teams={teams.filter((t) => t.key !== first)} value={second} onChange={setSecond} alone />}
              {kind === 'merge' && (
                <>
                  <TeamSelect label="Second team" teams={teams.filter((t) => t.key !== first)} value={second} onChange={setSecond} />
                  <TextField label="Name of the merged team (optional)" value={mergedName} onChange={(e) => setMergedName(e.target.value)} />
                </>
              )}
              {kind === 'resolve' && (
                <Autocomplete
                  multiple
                  loading={dependencies.isPending}
                  options={dependencies.data?.dependencies ?? []}
                  groupBy={(d) => `${d.waitingTeam?.name ?? 'unknown'} waits on ${d.providingTeam?.name ?? 'unknown'}`}
                  getOptionLabel={(d) => `${d.key} (${d.state}, ${Math.round(d.ageDays)} days)`}
                  isOptionEqualToValue={(a, b) => a.key === b.key}
                  value={chosen}
                  onChange={(_e, value) => setChosen(value)}
                  renderInput={(params) => <TextField {...params} label="Dependencies" />}
                />
              )}
              <Button variant="outlined" onClick={add} disabled={!draft}>
                Add change
              </Button>
            </Stack>
            {changes.length > 0 && (
              <Stack spacing={1} sx={{ mt: 2 }} data-testid="scenario-changes">
                {changes.map((c, i) => (
                  <Chip
                    key={i}
                    label={describeChange(c, name)}
                    onDelete={() => {
                      setChanges(changes.filter((_, j) => j !== i));
                      evaluate.reset();
                    }}
                    sx={{ justifyContent: 'space-between' }}
                  />
                ))}
              </Stack>
            )}
            <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
              <Button variant="contained" onClick={run} disabled={changes.length === 0 || evaluate.isPending}>
                See the effect
              </Button>
              <Button onClick={() => (setChanges([]), evaluate.reset())} disabled={changes.length === 0}>
                Clear
              </Button>
            </Stack>
            <Stack direction="row" spacing={1} sx={{ mt: 3, alignItems: 'center' }}>
              <TextField size="small" label="Scenario name" value={scenarioName} onChange={(e) => setScenarioName(e.target.value)} sx={{ flexGrow: 1 }} />
              <Button onClick={() => save.mutate({ name: scenarioName, changes })} disabled={changes.length === 0 || scenarioName.trim() === '' || save.isPending}>
                Save scenario
              </Button>
            </Stack>
            <ErrorNotice title="The scenario was not saved" error={save.error} />
            {saved.data && saved.data.length > 0 && (
              <Box sx={{ mt: 2 }}>
                <Typography variant="body1" sx={{ fontWeight: 600 }}>
                  Saved scenarios
                </Typography>
                {saved.data.map((s) => (
                  <Stack key={s.id} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <Typography variant="body2" sx={{ flexGrow: 1 }}>
                      {s.name} ({s.changes.length} {s.changes.length === 1 ? 'change' : 'changes'})
                    </Typography>
                    <Button size="small" onClick={() => (setChanges(s.changes), setScenarioName(s.name), evaluate.reset())}>
                      Open
                    </Button>
                    <IconButton size="small" aria-label={`Delete scenario ${s.name}`} onClick={() => remove.mutate({ id: s.id })}>
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </Stack>
                ))}
              </Box>
            )}
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, lg: 7 }}>
        <Card data-testid="what-if-result">
          <CardContent>
            <Typography variant="h2">Effect</Typography>
            <ErrorNotice title="The scenario could not be evaluated" error={evaluate.error} />
            {!result && !evaluate.error && (
              <Typography color="text.secondary" sx={{ mt: 1 }}>
                Add changes, then “See the effect” to compare the advice with and without them.
              </Typography>
            )}
            {result && (
              <>
                {result.notes.map((n) => (
                  <Alert key={n} severity="info" sx={{ mt: 1 }}>
                    {n}
                  </Alert>
                ))}
                <Stack direction="row" spacing={4} sx={{ mt: 2 }}>
                  <Box>
                    <Typography variant="body2" color="text.secondary">
                      Congruence now → with the changes
                    </Typography>
                    <Typography variant="h2" component="p">
                      {pct(result.baseline.congruence.congruence)} → {pct(result.scenario.congruence.congruence)}
                    </Typography>
                  </Box>
                  <Box>
                    <Typography variant="body2" color="text.secondary">
                      Pairs that must coordinate
                    </Typography>
                    <Typography variant="h2" component="p">
                      {result.baseline.congruence.requiredPairs} → {result.scenario.congruence.requiredPairs}
                    </Typography>
                  </Box>
                </Stack>
                {result.teamChanges.length === 0 ? (
                  <Typography sx={{ mt: 2 }}>No team’s group or model changes.</Typography>
                ) : (
                  <Table size="small" sx={{ mt: 2 }} aria-label="Teams whose advice changes">
                    <TableHead>
                      <TableRow>
                        <TableCell>Team</TableCell>
                        <TableCell>Now</TableCell>
                        <TableCell>With the changes</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {result.teamChanges.map((c) => (
                        <TableRow key={c.teamKey}>
                          <TableCell>{c.teamName}</TableCell>
                          <TableCell>
                            {MODEL_NAMES[c.before.model]}
                            <Typography variant="body2" color="text.secondary">
                              {c.before.groupName}
                            </Typography>
                          </TableCell>
                          <TableCell>
                            {c.after ? (
                              <>
                                {MODEL_NAMES[c.after.model]}
                                <Typography variant="body2" color="text.secondary">
                                  {c.after.groupName}
                                </Typography>
                              </>
                            ) : (
                              `merged into ${name(c.mergedInto ?? '')}`
                            )}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                )}
                <Typography variant="body1" sx={{ fontWeight: 600, mt: 3 }}>
                  Groups with the changes
                </Typography>
                {result.scenario.groups
                  .filter((g) => g.teamKeys.length > 1)
                  .map((g) => (
                    <Box key={g.id} sx={{ mt: 1 }}>
                      <Typography>
                        <strong>{MODEL_NAMES[g.model]}</strong>: {g.name}
                      </Typography>
                      <Typography variant="body2" color="text.secondary">
                        {g.reasons[0]}
                      </Typography>
                    </Box>
                  ))}
              </>
            )}
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}
