import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
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
import type { Board, IncrementView } from '../../../shared/planning/board-schema';
import { useChannelMutation } from '../api/channel-hooks';
import { EMPTY_CHOICE_SHOWN } from '../layout/empty-choice';

/** Name, dates and capacity unit of a new or existing increment. */
export function IncrementDialog({ increment, onSaved, onClose }: { increment: IncrementView | null; onSaved(name: string): void; onClose(): void }) {
  const save = useChannelMutation('plan.increment.save');
  const [name, setName] = useState(increment?.name ?? '');
  const [start, setStart] = useState(increment?.start ?? '');
  const [end, setEnd] = useState(increment?.end ?? '');
  const [unit, setUnit] = useState<'items' | 'points'>(increment?.capacityUnit ?? 'items');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="increment-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ id: increment?.id, name, start, end, capacityUnit: unit }, { onSuccess: (saved) => onSaved(saved.name) });
        }}
      >
        <DialogTitle id="increment-title">{increment ? `Change ${increment.name}` : 'A new increment'}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} autoFocus required helperText="A PI, a quarter or any planning window, e.g. PI 27.1" />
            <Stack direction="row" spacing={2}>
              <TextField type="date" label="First day" value={start} onChange={(e) => setStart(e.target.value)} required slotProps={{ inputLabel: { shrink: true } }} />
              <TextField type="date" label="Last day" value={end} onChange={(e) => setEnd(e.target.value)} required slotProps={{ inputLabel: { shrink: true } }} />
            </Stack>
            <TextField select label="Load and capacity count" value={unit} onChange={(e) => setUnit(e.target.value as 'items' | 'points')}>
              <MenuItem value="items">items</MenuItem>
              <MenuItem value="points">points (the items’ sizes)</MenuItem>
            </TextField>
            {save.error && <Alert severity="error">{save.error.message}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={save.isPending || !name.trim() || !start || !end}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** Iterations (the shared cadence and teams' own sprints), milestones, and the increment itself. */
export function IncrementSetup({ board, teamName, onRenamed, onDeleted }: { board: Board; teamName(key: string | null): string; onRenamed(name: string): void; onDeleted(): void }) {
  const { increment } = board;
  const saveIteration = useChannelMutation('plan.iteration.save');
  const deleteIteration = useChannelMutation('plan.iteration.delete');
  const saveMilestone = useChannelMutation('plan.milestone.save');
  const deleteMilestone = useChannelMutation('plan.milestone.delete');
  const deleteIncrement = useChannelMutation('plan.increment.delete');
  const fromSprints = useChannelMutation('plan.fromSprints');
  const [editing, setEditing] = useState(false);
  const [iteration, setIteration] = useState({ name: '', start: '', end: '', teamKey: '' });
  const [milestone, setMilestone] = useState({ name: '', date: '', teamKey: '' });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const error = saveIteration.error ?? deleteIteration.error ?? saveMilestone.error ?? deleteMilestone.error ?? deleteIncrement.error;
  return (
    <Stack spacing={3}>
      <Card>
        <CardContent>
          <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
            <Box>
              <Typography variant="h2">{increment.name}</Typography>
              <Typography color="text.secondary">
                {increment.start} – {increment.end} · load and capacity in {increment.capacityUnit}
              </Typography>
            </Box>
            <Box sx={{ display: 'flex', gap: 1 }}>
              <Button variant="outlined" onClick={() => fromSprints.mutate({ incrementId: increment.id })} disabled={fromSprints.isPending}>
                Plan from the tracker’s sprints
              </Button>
              <Button variant="outlined" onClick={() => setEditing(true)}>
                Rename or change dates
              </Button>
              <Button color="error" onClick={() => setConfirmDelete(true)}>
                Delete the increment
              </Button>
            </Box>
          </Box>
        </CardContent>
      </Card>
      {error && <Alert severity="error">{error.message}</Alert>}
      {fromSprints.data && (
        <Alert severity="info">
          {fromSprints.data.planned === 0
            ? 'No unplanned item is in a sprint named like one of these iterations. Imported Jira sprints and Azure DevOps iteration paths are matched by name.'
            : `Planned ${fromSprints.data.planned} items from the sprints they are in.`}
        </Alert>
      )}

      <Box component="section" aria-label="Iterations">
        <Typography variant="h2" gutterBottom>
          Iterations
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          The shared cadence makes the board’s columns. A team on its own cadence adds its sprints; they sit in the column holding their last day.
        </Typography>
        <Table size="small" aria-label="Iterations of the increment">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>First day</TableCell>
              <TableCell>Last day</TableCell>
              <TableCell>Cadence</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {increment.iterations.map((i) => (
              <TableRow key={i.id}>
                <TableCell>{i.name}</TableCell>
                <TableCell>{i.start}</TableCell>
                <TableCell>{i.end}</TableCell>
                <TableCell>{i.teamKey ? `${teamName(i.teamKey)}’s own` : 'shared'}</TableCell>
                <TableCell align="right">
                  <IconButton size="small" aria-label={`Delete ${i.name}`} onClick={() => deleteIteration.mutate({ id: i.id })}>
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Box
          component="form"
          sx={{ display: 'flex', gap: 1, mt: 2, flexWrap: 'wrap', alignItems: 'center' }}
          onSubmit={(e) => {
            e.preventDefault();
            saveIteration.mutate(
              { incrementId: increment.id, name: iteration.name, start: iteration.start, end: iteration.end, teamKey: iteration.teamKey || null },
              { onSuccess: () => setIteration({ name: '', start: '', end: '', teamKey: iteration.teamKey }) },
            );
          }}
        >
          <TextField size="small" label="Iteration name" value={iteration.name} onChange={(e) => setIteration({ ...iteration, name: e.target.value })} required />
          <TextField size="small" type="date" label="First day" value={iteration.start} onChange={(e) => setIteration({ ...iteration, start: e.target.value })} required slotProps={{ inputLabel: { shrink: true } }} />
          <TextField size="small" type="date" label="Last day" value={iteration.end} onChange={(e) => setIteration({ ...iteration, end: e.target.value })} required slotProps={{ inputLabel: { shrink: true } }} />
          <TextField slotProps={EMPTY_CHOICE_SHOWN} size="small" select label="Cadence" value={iteration.teamKey} onChange={(e) => setIteration({ ...iteration, teamKey: e.target.value })} sx={{ minWidth: 180 }}>
            <MenuItem value="">shared (a column)</MenuItem>
            {board.teams.map((t) => (
              <MenuItem key={t.key} value={t.key}>
                {t.name}’s own sprint
              </MenuItem>
            ))}
          </TextField>
          <Button type="submit" variant="contained" disabled={saveIteration.isPending}>
            Add iteration
          </Button>
        </Box>
      </Box>

      <Box component="section" aria-label="Milestones">
        <Typography variant="h2" gutterBottom>
          Milestones
        </Typography>
        {board.milestones.length === 0 && <Typography color="text.secondary">No milestones yet.</Typography>}
        {board.milestones.map((m) => (
          <Box key={m.id} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <Typography>
              {m.date} · {m.name}
              {m.teamKey ? ` · ${teamName(m.teamKey)}` : ''}
            </Typography>
            <IconButton size="small" aria-label={`Delete milestone ${m.name}`} onClick={() => deleteMilestone.mutate({ id: m.id })}>
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Box>
        ))}
        <Box
          component="form"
          sx={{ display: 'flex', gap: 1, mt: 2, flexWrap: 'wrap' }}
          onSubmit={(e) => {
            e.preventDefault();
            saveMilestone.mutate({ incrementId: increment.id, name: milestone.name, date: milestone.date, teamKey: milestone.teamKey || null }, { onSuccess: () => setMilestone({ name: '', date: '', teamKey: '' }) });
          }}
        >
          <TextField size="small" label="Milestone" value={milestone.name} onChange={(e) => setMilestone({ ...milestone, name: e.target.value })} required />
          <TextField size="small" type="date" label="Date" value={milestone.date} onChange={(e) => setMilestone({ ...milestone, date: e.target.value })} required slotProps={{ inputLabel: { shrink: true } }} />
          <TextField slotProps={EMPTY_CHOICE_SHOWN} size="small" select label="Team" value={milestone.teamKey} onChange={(e) => setMilestone({ ...milestone, teamKey: e.target.value })} sx={{ minWidth: 160 }}>
            <MenuItem value="">every team</MenuItem>
            {board.teams.map((t) => (
              <MenuItem key={t.key} value={t.key}>
                {t.name}
              </MenuItem>
            ))}
          </TextField>
          <Button type="submit" variant="contained" disabled={saveMilestone.isPending}>
            Add milestone
          </Button>
        </Box>
      </Box>
      {editing && (
        <IncrementDialog
          increment={increment}
          onClose={() => setEditing(false)}
          onSaved={(name) => {
            setEditing(false);
            onRenamed(name);
          }}
        />
      )}
      <Dialog open={confirmDelete} onClose={() => setConfirmDelete(false)} aria-labelledby="delete-increment-title">
        <DialogTitle id="delete-increment-title">Delete {increment.name}?</DialogTitle>
        <DialogContent>
          <Typography>Its iterations, plan, capacity, milestones, baselines and PI objectives go. The items stay in the workspace. Undo brings it all back during this session.</Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmDelete(false)}>Keep it</Button>
          <Button color="error" variant="contained" onClick={() => deleteIncrement.mutate({ id: increment.id }, { onSuccess: onDeleted })}>
            Delete
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
