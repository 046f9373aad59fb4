import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import { useState } from 'react';
import type { Forum } from '../../../shared/contract/coordination-channels';
import type { CoordinationReport } from '../../../shared/coordination/report-schema';
import { useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { ErrorNotice } from '../layout/ErrorNotice';
import { MODEL_NAMES, teamNames } from './coordination-style';
import { plural } from '../../../shared/domain/display-numbers';

interface Draft {
  id?: number;
  name: string;
  cadence: string;
  teamKeys: string[];
}

function ForumDialog({ draft, teams, onClose }: { draft: Draft; teams: { key: string; name: string }[]; onClose(): void }) {
  const [value, setValue] = useState(draft);
  const save = useChannelMutation('coordination.forums.save');
  const submit = async () => {
    await save.mutateAsync({ id: value.id, name: value.name, cadence: value.cadence.trim() || null, teamKeys: value.teamKeys });
    onClose();
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="forum-dialog-title">
      <DialogTitle id="forum-dialog-title">{value.id ? 'Edit forum' : 'Declare a forum you run'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField label="Name" value={value.name} onChange={(e) => setValue({ ...value, name: e.target.value })} required autoFocus />
          <TextField label="Cadence" placeholder="weekly, every two weeks…" value={value.cadence} onChange={(e) => setValue({ ...value, cadence: e.target.value })} />
          <Autocomplete
            multiple
            options={teams}
            getOptionLabel={(t) => t.name}
            isOptionEqualToValue={(a, b) => a.key === b.key}
            value={teams.filter((t) => value.teamKeys.includes(t.key))}
            onChange={(_e, chosen) => setValue({ ...value, teamKeys: chosen.map((t) => t.key) })}
            renderInput={(params) => <TextField {...params} label="Member teams" />}
          />
          <ErrorNotice title="The forum was not saved" error={save.error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void submit()} disabled={save.isPending || value.name.trim() === ''}>
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** A pair's chip, on a line of its own under the pair's names. */
const PAIR_CHIP = { display: 'flex', width: 'fit-content', mt: 0.5 } as const;

/** The forums the user runs, and how well they cover the coordination the dependencies require. */
export function ForumsPanel({ report }: { report: CoordinationReport }) {
  const forums = useChannelQuery('coordination.forums.list', {});
  const remove = useChannelMutation('coordination.forums.delete');
  const [draft, setDraft] = useState<Draft | null>(null);
  const names = teamNames(report);
  const name = (k: string) => names.get(k) ?? k;
  const c = report.congruence;
  const teams = [...report.teams].sort((a, b) => a.name.localeCompare(b.name));
  const covered = new Set((forums.data ?? []).map((f) => [...f.teamKeys].sort().join('|')));
  const unserved = report.groups.filter((g) => g.model !== 'none' && !covered.has([...g.teamKeys].sort().join('|')));
  const edit = (f: Forum) => setDraft({ id: f.id, name: f.name, cadence: f.cadence ?? '', teamKeys: [...f.teamKeys] });

  return (
    <Grid container spacing={3}>
      <Grid size={{ xs: 12, lg: 6 }}>
        <Card>
          <CardContent>
            <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
              <Typography variant="h2">Your forums</Typography>
              <Button startIcon={<AddIcon />} variant="contained" onClick={() => setDraft({ name: '', cadence: '', teamKeys: [] })}>
                Add forum
              </Button>
            </Stack>
            <ErrorNotice title="Forums could not be read" error={forums.error} />
            <ErrorNotice title="The forum was not deleted" error={remove.error} />
            {forums.data && forums.data.length === 0 && (
              <Typography color="text.secondary" sx={{ mt: 2 }}>
                None declared yet. Add the Scrums of Scrums, syncs and reviews you already run to see how well they match the dependencies.
              </Typography>
            )}
            {forums.data && forums.data.length > 0 && (
              <Table size="small" sx={{ mt: 2 }} aria-label="Declared forums">
                <TableHead>
                  <TableRow>
                    <TableCell>Forum</TableCell>
                    <TableCell>Members</TableCell>
                    <TableCell align="right">Pairs it serves</TableCell>
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {forums.data.map((f) => {
                    const view = c.forums.find((v) => v.id === f.id);
                    return (
                      <TableRow key={f.id} data-testid="forum-row">
                        <TableCell>
                          <Typography sx={{ fontWeight: 600 }}>{f.name}</Typography>
                          <Typography variant="body2" color="text.secondary">
                            {f.cadence ?? 'no cadence given'}
                          </Typography>
                        </TableCell>
                        <TableCell>
                          <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                            {f.teamKeys.map((k) => (
                              <Chip
                                key={k}
                                size="small"
                                label={name(k)}
                                variant={view?.taxTeamKeys.includes(k) ? 'outlined' : 'filled'}
                                color={view?.taxTeamKeys.includes(k) ? 'warning' : 'default'}
                                title={view?.taxTeamKeys.includes(k) ? 'No dependency on anyone in this forum' : undefined}
                              />
                            ))}
                          </Stack>
                        </TableCell>
                        <TableCell align="right">{view?.requiredPairs ?? 0}</TableCell>
                        <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                          <IconButton aria-label={`Edit ${f.name}`} onClick={() => edit(f)}>
                            <EditIcon />
                          </IconButton>
                          <IconButton aria-label={`Delete ${f.name}`} onClick={() => remove.mutate({ id: f.id })}>
                            <DeleteIcon />
                          </IconButton>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            )}
            {unserved.length > 0 && (
              <Box sx={{ mt: 3 }}>
                <Typography variant="body1" sx={{ fontWeight: 600 }}>
                  Recommended forums you have not declared
                </Typography>
                {unserved.map((g) => (
                  <Stack key={g.id} direction="row" spacing={1} sx={{ alignItems: 'center', mt: 1 }}>
                    <Typography variant="body2" sx={{ flexGrow: 1 }}>
                      {MODEL_NAMES[g.model]} for {g.name}
                    </Typography>
                    <Button size="small" onClick={() => setDraft({ name: `${MODEL_NAMES[g.model]}: ${g.name}`.slice(0, 200), cadence: g.practices.cadence ?? '', teamKeys: [...g.teamKeys] })}>
                      Declare it
                    </Button>
                  </Stack>
                ))}
              </Box>
            )}
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <Card data-testid="congruence">
          <CardContent>
            <Typography variant="h2">Congruence</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              Share of team pairs with dependencies between them that sit together in a forum (after Cataldo &amp; Herbsleb).
            </Typography>
            <Stack direction="row" spacing={4} sx={{ mt: 2 }}>
              <Box>
                <Typography variant="h1" component="p" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {c.congruence === null ? '—' : `${Math.round(c.congruence * 100)} %`}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  of {c.requiredPairs} pairs covered
                </Typography>
              </Box>
              <Box>
                <Typography variant="h1" component="p" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {c.weightedCongruence === null ? '—' : `${Math.round(c.weightedCongruence * 100)} %`}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  of dependencies covered
                </Typography>
              </Box>
            </Stack>
            <Typography sx={{ mt: 2 }}>{c.summary}</Typography>
            {c.uncoveredPairs.length > 0 && (
              <Box sx={{ mt: 2 }}>
                <Typography variant="body1" sx={{ fontWeight: 600 }}>
                  Pairs that depend on each other but share no forum
                </Typography>
                <Table size="small" aria-label="Uncovered pairs">
                  <TableBody>
                    {c.uncoveredPairs.slice(0, 12).map((p) => (
                      <TableRow key={p.teamKeys.join('|')}>
                        {/* In a side column: names stay whole and the pair breaks between them; the
                            chip goes under the pair rather than in a third column of its own. */}
                        <TableCell>
                          <span style={{ whiteSpace: 'nowrap' }}>{name(p.teamKeys[0])} –</span> <span style={{ whiteSpace: 'nowrap' }}>{name(p.teamKeys[1])}</span>
                          {p.withProvider ? (
                            <Chip size="small" variant="outlined" label="shared provider: self-service" sx={PAIR_CHIP} />
                          ) : p.sameGroup ? (
                            <Chip size="small" color="warning" variant="outlined" label="same group" sx={PAIR_CHIP} />
                          ) : null}
                        </TableCell>
                        <TableCell align="right" sx={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                          {plural(p.dependencies, 'dependency', 'dependencies')}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                {c.uncoveredPairs.length > 12 && (
                  <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                    and {c.uncoveredPairs.length - 12} more pairs.
                  </Typography>
                )}
              </Box>
            )}
            {c.coordinationTax.length > 0 && (
              <Box sx={{ mt: 2 }}>
                <Typography variant="body1" sx={{ fontWeight: 600 }}>
                  Coordination tax: seats with no dependency on anyone in the forum
                </Typography>
                {c.coordinationTax.map((t) => (
                  <Typography key={`${t.forumId}-${t.teamKey}`} variant="body2">
                    {name(t.teamKey)} in {t.forumName}
                  </Typography>
                ))}
              </Box>
            )}
          </CardContent>
        </Card>
      </Grid>
      {draft && <ForumDialog draft={draft} teams={teams} onClose={() => setDraft(null)} />}
    </Grid>
  );
}
