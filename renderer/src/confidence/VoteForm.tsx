import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { FIST_MEANINGS, FIST_VALUES } from '../../../shared/confidence/fist-scale';
import { readVoteCount } from '../../../shared/confidence/vote-count-text';
import type { VoteCounts, VoteScope } from '../../../shared/confidence/vote-schema';

const EMPTY = ['', '', '', '', ''];

/** The facilitator enters a round: how many hands showed 1, 2, 3, 4 and 5 fingers, for a team or the whole increment. */
export function VoteForm(props: {
  increment: string;
  teams: readonly { key: string; name: string }[];
  busy: boolean;
  error: string | null;
  onRecord(input: { scope: VoteScope; counts: VoteCounts; note: string | null }, done: () => void): void;
}) {
  const [scope, setScope] = useState('increment');
  const [counts, setCounts] = useState<string[]>(EMPTY);
  const [note, setNote] = useState('');
  const readings = counts.map(readVoteCount);
  const numbers = readings.map((r) => (r.ok ? r.count : 0));
  const wrong = readings.findIndex((r) => !r.ok);
  const bad = readings[wrong];
  const problem = bad && !bad.ok ? `Votes of ${wrong + 1}: ${bad.problem}` : null;
  const valid = problem === null;
  const total = valid ? numbers.reduce((a, b) => a + b, 0) : 0;
  const submit = () => {
    const target: VoteScope = scope === 'increment' ? { kind: 'increment', key: props.increment } : { kind: 'team', key: scope.slice('team:'.length) };
    props.onRecord({ scope: target, counts: numbers as VoteCounts, note: note.trim() || null }, () => {
      setCounts(EMPTY);
      setNote('');
    });
  };
  return (
    <Box
      component="form"
      id="vote-form"
      aria-labelledby="vote-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, bgcolor: 'background.paper', mb: 3 }}
    >
      <Typography id="vote-form-title" variant="h3" component="h2" sx={{ mb: 1.5 }}>
        Enter a round
      </Typography>
      {props.error && (
        <Alert severity="error" sx={{ mb: 1.5 }}>
          {props.error}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextField select label="Vote of" value={scope} onChange={(e) => setScope(e.target.value)} sx={{ minWidth: 240 }}>
          <MenuItem value="increment">The whole increment ({props.increment})</MenuItem>
          <ListSubheader>A team</ListSubheader>
          {props.teams.map((t) => (
            <MenuItem key={t.key} value={`team:${t.key}`}>
              {t.name}
            </MenuItem>
          ))}
        </TextField>
        {FIST_VALUES.map((value) => (
          <TextField
            key={value}
            label={`Votes of ${value}`}
            helperText={FIST_MEANINGS[value]}
            value={counts[value - 1]}
            onChange={(e) => setCounts((c) => c.map((x, i) => (i === value - 1 ? e.target.value : x)))}
            slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9]*', min: 0, 'aria-describedby': undefined } }}
            error={!readings[value - 1]!.ok}
            // In em, so the field grows with the room's type: 130 px cut "Votes of 1" to "Votes o…" presented.
            sx={{ width: '8.5em' }}
          />
        ))}
        <TextField label="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} sx={{ minWidth: 200, flex: 1 }} slotProps={{ htmlInput: { maxLength: 500 } }} />
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 1 }}>
        <Button type="submit" variant="contained" disabled={props.busy || !valid || total === 0}>
          Record the round
        </Button>
        <Typography variant="body2" color="text.secondary" aria-live="polite">
          {problem ?? `${total} ${total === 1 ? 'vote' : 'votes'} in this round.`} Earlier rounds are kept; the latest is shown.
        </Typography>
      </Box>
    </Box>
  );
}
