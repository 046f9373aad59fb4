import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { useViewTitleDetail } from '../layout/view-title';
import { parseTimebox } from './timebox-text';

const NEW_DECK = 'new';

/** Adds the view on screen (its address, a title, a timebox) at the end of a deck, or starts a deck with it. */
export function AddToDeckDialog({ pageLabel, address, onClose }: { pageLabel: string; address: string; onClose(): void }) {
  const detail = useViewTitleDetail();
  const decks = useChannelQuery('deck.list', {});
  const add = useChannelMutation('deck.addEntry');
  const [deckChoice, setDeckChoice] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [title, setTitle] = useState(detail ? `${pageLabel}: ${detail}` : pageLabel);
  const [timebox, setTimebox] = useState('');
  const chosen = deckChoice ?? (decks.data?.[0] ? String(decks.data[0].id) : NEW_DECK);
  const seconds = parseTimebox(timebox);
  const ready = title.trim() !== '' && seconds !== undefined && (chosen !== NEW_DECK || newName.trim() !== '');
  const save = () =>
    add.mutate(
      {
        ...(chosen === NEW_DECK ? { newDeckName: newName } : { deckId: Number(chosen) }),
        entry: { title, address, timeboxSeconds: seconds ?? null },
      },
      { onSuccess: onClose },
    );
  return (
    <Dialog open onClose={onClose} aria-labelledby="add-to-deck-title" fullWidth maxWidth="sm">
      <DialogTitle id="add-to-deck-title">Add this view to a deck</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField select label="Deck" value={chosen} onChange={(e) => setDeckChoice(e.target.value)} disabled={decks.isPending}>
            {(decks.data ?? []).map((d) => (
              <MenuItem key={d.id} value={String(d.id)}>
                {d.name} ({d.entryCount} {d.entryCount === 1 ? 'view' : 'views'})
              </MenuItem>
            ))}
            <MenuItem value={NEW_DECK}>A new deck…</MenuItem>
          </TextField>
          {chosen === NEW_DECK && <TextField label="Name of the new deck" value={newName} onChange={(e) => setNewName(e.target.value)} autoFocus required />}
          <TextField label="Title of this view" value={title} onChange={(e) => setTitle(e.target.value)} required />
          <TextField
            label="Timebox (optional)"
            value={timebox}
            onChange={(e) => setTimebox(e.target.value)}
            error={seconds === undefined}
            helperText={seconds === undefined ? 'Minutes (5), or minutes and seconds (4:30)' : 'A countdown while presenting: in the corner, or on your screen alone with the presenter view (V). E.g. 5 or 4:30'}
          />
          <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-all' }}>
            Address: {address}
          </Typography>
          {add.error && <Alert severity="error">{add.error.message}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={save} disabled={!ready || add.isPending}>
          Add
        </Button>
      </DialogActions>
    </Dialog>
  );
}
