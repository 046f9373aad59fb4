import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Board, BoardObjective } from '../../../shared/planning/board-schema';
import { displayKey } from '../../../shared/planning/local-keys';
import { useChannelMutation } from '../api/channel-hooks';
import { usePresentation } from '../room/presentation';
import { objectiveTeamChoice } from './objective-team';

const percent = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)} %`);

/** PI objectives per team with business value, and predictability as a distribution across teams. */
export function ObjectivesPanel({ board, teamName }: { board: Board; teamName(key: string | null): string }) {
  const [editing, setEditing] = useState<BoardObjective | 'new' | null>(null);
  const { predictability } = board;
  const most = Math.max(1, ...predictability.bands.map((b) => b.teams));
  const byTeam = new Map<string, BoardObjective[]>();
  for (const o of board.objectives) byTeam.set(o.teamKeys[0] ?? '', [...(byTeam.get(o.teamKeys[0] ?? '') ?? []), o]);
  // Presented during the increment, no team is scored yet: the room saw an empty distribution and
  // "Add an objective" at the fold. It sees the objectives first, and the bands once there are any.
  const { presenting } = usePresentation();
  const unscored = predictability.bands.every((b) => b.teams === 0);
  const objectivesSection = (
      <Box component="section" aria-label="PI objectives">
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="h2">PI objectives</Typography>
          <Button variant="contained" onClick={() => setEditing('new')}>
            Add an objective
          </Button>
        </Box>
        {board.objectives.length === 0 && <Alert severity="info">No objectives for {board.increment.name} yet. Add them here or import the objectives template.</Alert>}
        {[...byTeam].map(([team, objectives]) => (
          <Box key={team} sx={{ mb: 3 }}>
            <Typography variant="h3" sx={{ mb: 1 }}>
              {team ? teamName(team) : 'Program'}
            </Typography>
            <Table size="small" aria-label={`Objectives of ${team ? teamName(team) : 'the program'}`}>
              <TableHead>
                <TableRow>
                  <TableCell>Objective</TableCell>
                  <TableCell align="right">Business value</TableCell>
                  <TableCell align="right">Actual</TableCell>
                  <TableCell>Commitment</TableCell>
                  <TableCell>Planned work</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {objectives.map((o) => (
                  <TableRow key={o.key}>
                    <TableCell>{o.title}</TableCell>
                    <TableCell align="right">{o.businessValue ?? '–'}</TableCell>
                    <TableCell align="right">{o.actualValue ?? '–'}</TableCell>
                    <TableCell>{o.committed ? 'committed' : 'uncommitted (stretch)'}</TableCell>
                    <TableCell>{o.plannedItemKeys.length === 0 ? '⚠ none planned' : `${o.plannedItemKeys.length} of ${o.itemKeys.length} items planned`}</TableCell>
                    <TableCell align="right">
                      <Button size="small" onClick={() => setEditing(o)} aria-label={`Edit ${o.title}`}>
                        Edit
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        ))}
      </Box>
  );
  return (
    <Stack spacing={3}>
      {presenting && objectivesSection}
      <Card component="section" aria-label="Predictability">
        <CardContent>
          <Typography variant="h2" gutterBottom>
            Predictability
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Actual business value (stretch objectives included) ÷ planned business value of committed objectives. SAFe’s target band is 80–100 %. Shown as how
            many teams landed in each band, never as a ranking of teams.
          </Typography>
          <Typography variant="h3" component="p" data-testid="predictability-increment" sx={{ fontSize: (t) => `calc(${String(t.typography.figure.fontSize)} * 1.4)`, mb: 1 }}>
            {percent(predictability.increment)}
            <Typography component="span" variant="body1" color="text.secondary" sx={{ ml: 1 }}>
              {predictability.increment === null ? (predictability.teams.length === 0 ? 'no committed objectives yet' : `${predictability.unscoredTeams} of ${predictability.teams.length} teams not scored yet`) : `for ${board.increment.name}`}
            </Typography>
          </Typography>
          <Box component="dl" hidden={presenting && unscored} sx={{ display: presenting && unscored ? 'none' : 'grid', gridTemplateColumns: 'max-content 1fr max-content', gap: 1, alignItems: 'center', m: 0 }} aria-label="Teams per predictability band">
            {predictability.bands.map((b) => (
              <Box key={b.label} sx={{ display: 'contents' }}>
                <Typography component="dt" variant="body2">
                  {b.label}
                </Typography>
                <Box component="dd" sx={{ m: 0, height: 18, bgcolor: 'action.hover', borderRadius: 1 }}>
                  <Box sx={{ width: `${(b.teams / most) * 100}%`, height: '100%', borderRadius: 1, bgcolor: b.label === '80–100 %' ? 'success.main' : 'primary.main' }} />
                </Box>
                <Typography component="dd" variant="body2" aria-label={`${b.teams} teams`} sx={{ m: 0 }}>
                  {b.teams}
                </Typography>
              </Box>
            ))}
          </Box>
        </CardContent>
      </Card>

      {!presenting && objectivesSection}
      {editing && <ObjectiveDialog board={board} objective={editing === 'new' ? null : editing} teamName={teamName} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function ObjectiveDialog({ board, objective, teamName, onClose }: { board: Board; objective: BoardObjective | null; teamName(key: string | null): string; onClose(): void }) {
  const save = useChannelMutation('plan.objective.save');
  const remove = useChannelMutation('plan.objective.delete');
  const [title, setTitle] = useState(objective?.title ?? '');
  const [teamKey, setTeamKey] = useState(() => objectiveTeamChoice(objective, board.teams));
  const level = objective?.level ?? 'team';
  const [businessValue, setBusinessValue] = useState(objective?.businessValue?.toString() ?? '');
  const [actualValue, setActualValue] = useState(objective?.actualValue?.toString() ?? '');
  const [committed, setCommitted] = useState(objective?.committed ?? true);
  const [items, setItems] = useState<string[]>(objective?.itemKeys ?? []);
  const cards = board.cells.flatMap((c) => c.cards);
  const label = (key: string) => {
    const card = cards.find((c) => c.key === key);
    return card ? `${displayKey(key)} ${card.title}` : displayKey(key);
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="objective-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            {
              increment: board.increment.name,
              key: objective?.key,
              title,
              level,
              teamKey: teamKey || null,
              // The selector shows one team: left as it was, an objective of several keeps them all.
              ...(objective && objective.teamKeys.length > 1 && teamKey === objective.teamKeys[0] ? { teamKeys: objective.teamKeys } : {}),
              businessValue: businessValue === '' ? null : Number(businessValue),
              actualValue: actualValue === '' ? null : Number(actualValue),
              committed,
              parentKey: objective?.parentKey ?? null,
              itemKeys: items,
            },
            { onSuccess: onClose },
          );
        }}
      >
        <DialogTitle id="objective-title">{objective ? 'Edit the objective' : `A new objective for ${board.increment.name}`}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField label="Objective" value={title} onChange={(e) => setTitle(e.target.value)} autoFocus required />
            <TextField select label="Team" value={teamKey} onChange={(e) => setTeamKey(e.target.value)} slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: level !== 'team' } }}>
              {level !== 'team' && <MenuItem value="">No team (a {level} objective)</MenuItem>}
              {board.teams.map((t) => (
                <MenuItem key={t.key} value={t.key}>
                  {teamName(t.key)}
                </MenuItem>
              ))}
            </TextField>
            <Stack direction="row" spacing={2}>
              <TextField label="Business value (1–10)" type="number" value={businessValue} onChange={(e) => setBusinessValue(e.target.value)} slotProps={{ htmlInput: { min: 1, max: 10, step: 1 } }} />
              <TextField label="Actual value (0–10, after)" type="number" value={actualValue} onChange={(e) => setActualValue(e.target.value)} slotProps={{ htmlInput: { min: 0, max: 10, step: 0.5 } }} />
            </Stack>
            <FormControlLabel control={<Checkbox checked={committed} onChange={(e) => setCommitted(e.target.checked)} />} label="Committed (uncheck for a stretch objective)" />
            <Autocomplete
              multiple
              options={cards.map((c) => c.key)}
              value={items}
              onChange={(_e, value) => setItems(value)}
              getOptionLabel={label}
              renderInput={(params) => <TextField {...params} label="Linked planned items" />}
            />
            {(save.error ?? remove.error) && <Alert severity="error">{(save.error ?? remove.error)!.message}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          {objective?.key.startsWith('interlock:') && (
            <Button color="error" onClick={() => remove.mutate({ key: objective.key }, { onSuccess: onClose })} sx={{ mr: 'auto' }}>
              Delete
            </Button>
          )}
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={save.isPending || !title.trim()}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
