import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import DownIcon from '@mui/icons-material/ArrowDownward';
import OpenIcon from '@mui/icons-material/OpenInNew';
import PresentIcon from '@mui/icons-material/PresentToAllOutlined';
import UpIcon from '@mui/icons-material/ArrowUpward';
import { useState } from 'react';
import { Link } from 'react-router';
import { clock } from '../../../shared/room/deck-stepping';
import type { Deck } from '../../../shared/room/deck-schema';
import { useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { ErrorNotice } from '../layout/ErrorNotice';
import { PageHeader } from '../layout/PageHeader';
import { useViewParams } from '../layout/view-params';
import { useViewTitle } from '../layout/view-title';
import { addressNote, addressProblem, draftChanged, draftKey, draftOf, draftToSave, moveEntry, openableAddress, unsavedDrafts, type DeckDraft, type DraftEntry } from '../room/deck-draft';
import { usePresentation } from '../room/presentation';
import { PAGES } from './page-list';

function EntryRow({ entry, index, count, onChange, onMove, onRemove }: { entry: DraftEntry; index: number; count: number; onChange(patch: Partial<DraftEntry>): void; onMove(to: number): void; onRemove(): void }) {
  const n = index + 1;
  // Where the view opens as saved; nothing while the address is not one (a typed "/\" would leave the app).
  const opens = openableAddress(entry.address);
  // Said as it is typed, not only on Save: an old view that opens no page is seen before presenting.
  const problem = entry.address.trim() === '' ? null : addressProblem(entry.address);
  const note = problem ?? addressNote(entry.address);
  return (
    <ListItem data-testid="deck-entry" sx={{ px: 0, alignItems: 'flex-start', gap: 1, flexWrap: 'wrap' }}>
      <Typography sx={{ width: 28, pt: 1, fontVariantNumeric: 'tabular-nums' }} aria-hidden>
        {n}.
      </Typography>
      <TextField size="small" label={`Title of view ${n}`} value={entry.title} onChange={(e) => onChange({ title: e.target.value })} sx={{ flex: '2 1 200px' }} />
      <TextField
        size="small"
        label={`Address of view ${n}`}
        value={entry.address}
        onChange={(e) => onChange({ address: e.target.value })}
        error={problem !== null}
        helperText={note ? note.charAt(0).toUpperCase() + note.slice(1) : undefined}
        sx={{ flex: '3 1 240px' }}
      />
      <TextField size="small" label="Timebox" placeholder="5 or 4:30" value={entry.timebox} onChange={(e) => onChange({ timebox: e.target.value })} sx={{ width: 110 }} />
      <Box sx={{ display: 'flex' }}>
        <IconButton onClick={() => onMove(index - 1)} disabled={index === 0} aria-label={`Move view ${n} up`}>
          <UpIcon />
        </IconButton>
        <IconButton onClick={() => onMove(index + 1)} disabled={index === count - 1} aria-label={`Move view ${n} down`}>
          <DownIcon />
        </IconButton>
        {opens === null ? (
          <IconButton disabled aria-label={`Open view ${n}`}>
            <OpenIcon />
          </IconButton>
        ) : (
          <IconButton component={Link} to={opens} aria-label={`Open view ${n}`}>
            <OpenIcon />
          </IconButton>
        )}
        <IconButton onClick={onRemove} aria-label={`Remove view ${n}`}>
          <DeleteIcon />
        </IconButton>
      </Box>
    </ListItem>
  );
}

/** Edits one deck: its name and its views in order; presents it as it stands. */
function DeckEditor({ deck, onSaved, onDeleted }: { deck: Deck | null; onSaved(deck: Deck): void; onDeleted(): void }) {
  const deckKey = deck ? String(deck.id) : 'new';
  // Drafts belong to the workspace they were typed in: a client's deck never shows in another's.
  const workspace = useChannelQuery('workspace.current', {}).data?.path ?? '';
  const asSaved = (): DeckDraft => (deck ? draftOf(deck) : { name: '', entries: [] });
  const [draft, setDraftState] = useState<DeckDraft>(() => unsavedDrafts.get(workspace, deckKey, deck) ?? asSaved());
  const [addPage, setAddPage] = useState('');
  const save = useChannelMutation('deck.save');
  const remove = useChannelMutation('deck.delete');
  // A deck is an hour of a facilitator's preparation: deleting it asks first, as a vote round or a risk does.
  const [askingDelete, setAskingDelete] = useState(false);
  const { present } = usePresentation();
  const checked = draftToSave(draft);
  const changed = draftChanged(draft, deck);
  const setDraft = (next: DeckDraft) => {
    setDraftState(next);
    unsavedDrafts.set(workspace, deckKey, deck, draftChanged(next, deck) ? next : null);
  };
  const setEntries = (entries: readonly DraftEntry[]) => setDraft({ ...draft, entries });
  const onSave = () =>
    checked.ok &&
    save.mutate(
      { id: deck?.id, name: checked.name, entries: checked.entries },
      {
        onSuccess: (saved) => {
          unsavedDrafts.set(workspace, deckKey, deck, null);
          onSaved(saved);
        },
      },
    );
  const total = checked.ok ? checked.entries.reduce((sum, e) => sum + (e.timeboxSeconds ?? 0), 0) : 0;
  return (
    <Card component="section" aria-label={deck ? `Deck ${deck.name}` : 'New deck'}>
      <CardContent>
        <Stack spacing={2}>
          <TextField label="Deck name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required />
          {draft.entries.length === 0 ? (
            <Typography color="text.secondary">No views yet. Add one below, or with “Add to deck” in the bar above while a page, tab and scope are on screen.</Typography>
          ) : (
            <List aria-label="Views in order" disablePadding>
              {draft.entries.map((e, i) => (
                <EntryRow
                  key={e.key}
                  entry={e}
                  index={i}
                  count={draft.entries.length}
                  onChange={(patch) => setEntries(draft.entries.map((x) => (x.key === e.key ? { ...x, ...patch } : x)))}
                  onMove={(to) => setEntries(moveEntry(draft.entries, i, to))}
                  onRemove={() => setEntries(draft.entries.filter((x) => x.key !== e.key))}
                />
              ))}
            </List>
          )}
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <TextField select size="small" label="Add a page" value={addPage} onChange={(e) => setAddPage(e.target.value)} sx={{ minWidth: 220 }}>
              {PAGES.filter((p) => p.id !== 'decks').map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {p.label}
                </MenuItem>
              ))}
            </TextField>
            <Button
              disabled={!addPage}
              onClick={() => {
                const page = PAGES.find((p) => p.id === addPage)!;
                setEntries([...draft.entries, { key: draftKey(), title: page.label, address: `/${page.id}`, timebox: '' }]);
                setAddPage('');
              }}
            >
              Add
            </Button>
            <Button onClick={() => setEntries([...draft.entries, { key: draftKey(), title: '', address: '/', timebox: '' }])}>Add an address…</Button>
          </Stack>
          {!checked.ok && draft.name !== '' && <Alert severity="warning">{checked.problem}</Alert>}
          <ErrorNotice title="The deck could not be saved" error={save.error ?? remove.error} />
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Button variant="contained" onClick={onSave} disabled={!checked.ok || save.isPending}>
              Save deck
            </Button>
            <Button startIcon={<PresentIcon />} variant="outlined" disabled={!checked.ok || checked.entries.length === 0} onClick={() => checked.ok && present({ name: checked.name, entries: checked.entries })}>
              Present this deck
            </Button>
            {changed && <Button onClick={() => setDraft(asSaved())}>{deck ? 'Discard changes' : 'Discard'}</Button>}
            {deck && (
              <Button
                color="error"
                startIcon={<DeleteIcon />}
                onClick={() => setAskingDelete(true)}
                disabled={remove.isPending}
              >
                Delete deck
              </Button>
            )}
            {deck && askingDelete && (
              <Dialog open onClose={() => setAskingDelete(false)} aria-labelledby="delete-deck-title">
                <DialogTitle id="delete-deck-title">Delete the deck “{deck.name}”?</DialogTitle>
                <DialogContent>
                  <DialogContentText>
                    Its {deck.entries.length} {deck.entries.length === 1 ? 'view' : 'views'}, their titles and timeboxes are deleted; the pages they show are not. This cannot be undone.
                  </DialogContentText>
                </DialogContent>
                <DialogActions>
                  <Button onClick={() => setAskingDelete(false)} autoFocus>
                    Keep it
                  </Button>
                  <Button
                    color="error"
                    variant="contained"
                    onClick={() =>
                      remove.mutate(
                        { id: deck.id },
                        {
                          onSuccess: () => {
                            setAskingDelete(false);
                            unsavedDrafts.set(workspace, deckKey, deck, null);
                            onDeleted();
                          },
                        },
                      )
                    }
                    disabled={remove.isPending}
                  >
                    Delete
                  </Button>
                </DialogActions>
              </Dialog>
            )}
            {changed && (
              <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="deck-unsaved">
                Unsaved changes
              </Typography>
            )}
            <Typography variant="body2" color="text.secondary">
              {draft.entries.length} {draft.entries.length === 1 ? 'view' : 'views'}
              {total > 0 ? ` · timeboxes add up to ${clock(total)}` : ''}
            </Typography>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}

export function DecksPage() {
  const [params, setParams] = useViewParams();
  const decks = useChannelQuery('deck.list', {});
  const selectedId = params.deck === 'new' ? null : params.deck ? Number(params.deck) : (decks.data?.[0]?.id ?? null);
  const deck = useChannelQuery('deck.get', { id: selectedId ?? 0 }, { enabled: selectedId !== null && Number.isInteger(selectedId) && selectedId > 0 });
  const creating = params.deck === 'new' || (decks.data?.length === 0 && !params.deck);
  useViewTitle(creating ? 'New deck' : deck.data?.name);
  return (
    <>
      <PageHeader
        title="Decks"
        subtitle="Views to put on the projector, in order: any page, tab and scope. Present one full screen; → or Space steps forward, ← back, a number jumps, V opens the presenter view for your own screen, Esc leaves."
      />
      <ErrorNotice title="The decks could not be read" error={decks.error ?? deck.error} />
      {decks.isPending && <LinearProgress aria-label="Loading decks" />}
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 4 }}>
          <Card component="section" aria-label="Saved decks">
            <CardContent>
              <Typography variant="h2" gutterBottom>
                Saved decks
              </Typography>
              <List aria-label="Decks">
                {(decks.data ?? []).map((d) => (
                  <ListItem key={d.id} disablePadding>
                    <ListItemButton selected={!creating && d.id === selectedId} onClick={() => setParams({ deck: String(d.id) })}>
                      <ListItemText primary={d.name} secondary={`${d.entryCount} ${d.entryCount === 1 ? 'view' : 'views'}${d.totalTimeboxSeconds > 0 ? ` · ${clock(d.totalTimeboxSeconds)}` : ''}`} />
                    </ListItemButton>
                  </ListItem>
                ))}
              </List>
              <Button onClick={() => setParams({ deck: 'new' })}>New deck</Button>
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          {creating ? (
            <DeckEditor key="new" deck={null} onSaved={(d) => setParams({ deck: String(d.id) })} onDeleted={() => undefined} />
          ) : (
            deck.data && <DeckEditor key={`${deck.data.id}-${deck.data.updatedAt}`} deck={deck.data} onSaved={(d) => setParams({ deck: String(d.id) })} onDeleted={() => setParams({ deck: null })} />
          )}
        </Grid>
      </Grid>
    </>
  );
}
