import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormHelperText from '@mui/material/FormHelperText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Popover from '@mui/material/Popover';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { visuallyHidden } from '@mui/utils';
import { useId, useRef, useState } from 'react';
import { ITEM_TYPES, type ItemType } from '../../../shared/domain/vocabulary';
import type { Board, BoardCard, BoardCell, BoardDependency } from '../../../shared/planning/board-schema';
import { displayKey } from '../../../shared/planning/local-keys';
import { dependencyEndPlace, dependencyText, importedNeedDateFix, providerWithoutItemText } from '../../../shared/planning/dependency-state';
import { targetIteration, type PlaceRequest } from './ProgramBoard';
import type { RiskOnCard } from '../../../shared/joins/board-risks';
import { linkedText } from './board-risk-texts';
import { ROAM_TEXT } from '../../../shared/risks/roam';
import { riskAddress } from '../risks/risk-address';
import { EMPTY_CHOICE_SHOWN } from '../layout/empty-choice';

export type CardAction = 'move' | 'depend' | 'dependencies' | 'risks' | 'lines' | 'unplan';

/** What can be done to a card: also the keyboard's way to everything a drag does, and to its risk marker. */
export function CardMenu(props: { anchor: HTMLElement | null; card: BoardCard | null; risks: number; onAction(action: CardAction): void; onClose(): void }) {
  return (
    <Menu anchorEl={props.anchor} open={props.anchor !== null && props.card !== null} onClose={props.onClose}>
      <MenuItem onClick={() => props.onAction('move')}>Move to…</MenuItem>
      <MenuItem onClick={() => props.onAction('depend')}>Add a dependency (it waits on…)</MenuItem>
      <MenuItem onClick={() => props.onAction('dependencies')}>Its dependencies…</MenuItem>
      {props.risks > 0 && <MenuItem onClick={() => props.onAction('risks')}>Its risks ({props.risks})…</MenuItem>}
      <MenuItem onClick={() => props.onAction('lines')}>Show its dependency lines</MenuItem>
      <MenuItem onClick={() => props.onAction('unplan')}>Take it off the board</MenuItem>
    </Menu>
  );
}

/** Team, iteration and position by form: the keyboard equivalent of dragging a card. */
export function MoveDialog(props: { board: Board; card: BoardCard; teamKey: string; onMove(request: PlaceRequest): void; onClose(): void }) {
  const { board, card } = props;
  const current = board.cells.find((c) => c.cards.some((k) => k.key === card.key));
  const [teamKey, setTeamKey] = useState(props.teamKey);
  const [columnId, setColumnId] = useState(current?.columnId ?? board.columns[0]?.id ?? 0);
  const [before, setBefore] = useState('');
  const cell = board.cells.find((c) => c.teamKey === teamKey && c.columnId === columnId);
  const others = (cell?.cards ?? []).filter((c) => c.key !== card.key);
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="xs" aria-labelledby="move-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const beforeCard = others.find((c) => c.key === before) ?? null;
          props.onMove({ itemKey: card.key, teamKey, iterationId: targetIteration(board, teamKey, columnId, beforeCard), beforeItemKey: beforeCard?.key ?? null });
        }}
      >
        <DialogTitle id="move-title">
          Move {displayKey(card.key)} {card.title}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField select label="Team" value={teamKey} onChange={(e) => setTeamKey(e.target.value)} autoFocus>
              {board.teams.map((t) => (
                <MenuItem key={t.key} value={t.key}>
                  {t.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField select label="Iteration" value={columnId} onChange={(e) => setColumnId(Number(e.target.value))}>
              {board.columns.map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {c.name} ({c.start} – {c.end})
                </MenuItem>
              ))}
            </TextField>
            <TextField slotProps={EMPTY_CHOICE_SHOWN} select label="Position" value={before} onChange={(e) => setBefore(e.target.value)}>
              <MenuItem value="">Last in the cell</MenuItem>
              {others.map((c) => (
                <MenuItem key={c.key} value={c.key}>
                  Before {displayKey(c.key)} {c.title}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="contained">
            Move
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** "This card waits on …": any item planned on the board, or typed by key. */
export function DependencyDialog(props: { board: Board; card: BoardCard; busy: boolean; error: string | null; onAdd(providerKey: string, neededBy: string | null): void; onClose(): void }) {
  const options = props.board.cells.flatMap((c) => c.cards).filter((c) => c.key !== props.card.key);
  const [provider, setProvider] = useState<string>('');
  const [neededBy, setNeededBy] = useState('');
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm" aria-labelledby="dependency-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (provider.trim()) props.onAdd(provider.trim(), neededBy || null);
        }}
      >
        <DialogTitle id="dependency-title">
          {displayKey(props.card.key)} {props.card.title} waits on…
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <Autocomplete
              freeSolo
              options={options.map((c) => c.key)}
              getOptionLabel={(key) => {
                const card = options.find((c) => c.key === key);
                return card ? `${displayKey(card.key)} ${card.title}` : key;
              }}
              inputValue={provider}
              onInputChange={(_e, value) => setProvider(options.find((c) => `${displayKey(c.key)} ${c.title}` === value)?.key ?? value)}
              renderInput={(params) => <TextField {...params} autoFocus label="The item it waits on (key or title)" error={props.error !== null} helperText={props.error ?? ' '} />}
            />
            <TextField type="date" label="Needed by (optional)" value={neededBy} onChange={(e) => setNeededBy(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={props.busy || !provider.trim()}>
            Add dependency
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** A new item, not in the tracker yet, planned in the cell it was asked for. */
export function NewItemDialog(props: { teamName: string; iterationName: string; busy: boolean; error: string | null; onCreate(input: { title: string; type: ItemType; size: number | null }): void; onClose(): void }) {
  const [title, setTitle] = useState('');
  const [type, setType] = useState<ItemType>('feature');
  const [size, setSize] = useState('');
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="xs" aria-labelledby="new-item-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (title.trim()) props.onCreate({ title: title.trim(), type, size: size === '' ? null : Number(size) });
        }}
      >
        <DialogTitle id="new-item-title">
          New item for {props.teamName}, {props.iterationName}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} autoFocus error={props.error !== null} helperText={props.error ?? 'It is kept in this workspace, apart from what you import.'} />
            <TextField select label="Type" value={type} onChange={(e) => setType(e.target.value as ItemType)}>
              {ITEM_TYPES.map((t) => (
                <MenuItem key={t} value={t}>
                  {t}
                </MenuItem>
              ))}
            </TextField>
            <TextField label="Size (optional)" type="number" value={size} onChange={(e) => setSize(e.target.value)} slotProps={{ htmlInput: { min: 0, step: 0.5 } }} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={props.busy || !title.trim()}>
            Add
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** A cell's capacity, typed in place; empty clears it. */
/**
 * The capacity of a cell. A team on its own cadence has one box per sprint of its own in the column
 * (the cell shows their sum): one box for the whole cell wrote to the shared iteration, and added to
 * the sprints' capacity instead of setting it.
 */
export function CapacityPopover(props: { anchor: HTMLElement | null; cell: BoardCell | null; unit: string; onSave(amounts: { iterationId: number; amount: number | null }[]): void; onClose(): void }) {
  const targets = props.cell?.sprints?.map((s) => ({ iterationId: s.iterationId, label: `${s.name} (${props.unit})`, initial: s.capacity })) ?? (props.cell ? [{ iterationId: props.cell.columnId, label: `Capacity (${props.unit})`, initial: props.cell.capacity }] : []);
  const [values, setValues] = useState(() => targets.map((t) => t.initial?.toString() ?? ''));
  return (
    <Popover open={props.anchor !== null} anchorEl={props.anchor} onClose={props.onClose} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}>
      <form
        style={{ padding: 12, display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', maxWidth: 420 }}
        onSubmit={(e) => {
          e.preventDefault();
          const amounts = targets.map((t, k) => ({ iterationId: t.iterationId, amount: values[k]!.trim() === '' ? null : Number(values[k]) }));
          props.onSave(amounts.filter((a, k) => a.amount !== targets[k]!.initial));
        }}
      >
        {targets.map((t, k) => (
          <TextField
            key={t.iterationId}
            size="small"
            autoFocus={k === 0}
            type="number"
            label={t.label}
            value={values[k]}
            onChange={(e) => setValues(values.map((v, i) => (i === k ? e.target.value : v)))}
            slotProps={{ htmlInput: { min: 0, step: 0.5 } }}
            sx={{ width: 150 }}
          />
        ))}
        <Button type="submit" variant="contained" size="small">
          Set
        </Button>
      </form>
    </Popover>
  );
}

/**
 * A dependency's need date among its card's dependencies. One made in Interlock is stated, changed
 * or cleared here; an imported one is shown read-only, saying where it changes, since each import
 * writes the date its file carries over the stored one.
 */
function NeedDate(props: { dependency: BoardDependency; busy: boolean; error: string | null; onNeedBy(neededBy: string | null): void }) {
  const { needAt, neededBy: stated, consumer } = props.dependency;
  const field = useRef<HTMLInputElement>(null);
  const hintId = useId();
  // What is typed, for the date stated when it was typed: a change (or its undo) shows the new date.
  const [draft, setDraft] = useState({ stated, value: stated ?? '' });
  const value = draft.stated === stated ? draft.value : (stated ?? '');
  const fromIteration = `needed from ${needAt}, the first day of ${displayKey(consumer.itemKey)}’s iteration (${dependencyEndPlace(consumer)})`;
  if (!props.dependency.local) {
    return (
      <DialogContentText variant="body2">
        {stated === null ? `No need date stated: ${fromIteration}` : `Needed by ${stated}`}. It comes from your tracker: change its need date there ({importedNeedDateFix()}).
      </DialogContentText>
    );
  }
  // The answer redraws the buttons (Clear goes with the date): the focus waits in the field.
  const save = (neededBy: string | null) => {
    field.current?.focus();
    setDraft({ stated, value: neededBy ?? '' });
    props.onNeedBy(neededBy);
  };
  // Under the whole row, not the narrow field, where it would break a date in two.
  const hint = props.error ?? (stated === null ? `None stated: ${fromIteration}.` : null);
  return (
    <>
      <Box
        component="form"
        sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mt: 1 }}
        onSubmit={(e: React.FormEvent) => {
          e.preventDefault();
          if (value !== '' && value !== stated && !props.busy) save(value);
        }}
      >
        <TextField
          type="date"
          size="small"
          label="Needed by"
          value={value}
          onChange={(e) => setDraft({ stated, value: e.target.value })}
          inputRef={field}
          error={props.error !== null}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: hint === null ? {} : { 'aria-describedby': hintId } }}
          sx={{ width: 190 }}
        />
        <Button type="submit" size="small" disabled={props.busy || value === '' || value === stated}>
          Change date
        </Button>
        {stated !== null && (
          <Button size="small" disabled={props.busy} onClick={() => save(null)}>
            Clear date
          </Button>
        )}
      </Box>
      {hint !== null && (
        <FormHelperText id={hintId} error={props.error !== null} sx={{ mx: 1.75 }}>
          {hint}
        </FormHelperText>
      )}
    </>
  );
}

/**
 * A card's dependencies both ways, with their state and need date; those made in Interlock can have
 * their date changed and be removed here. `needByError`: the refusal of the last date asked, for
 * the dependency it was asked for; `changed`: the last date change, in words.
 */
export function CardDependenciesDialog(props: {
  board: Board;
  card: BoardCard;
  teamName(key: string | null): string;
  busy: boolean;
  error: string | null;
  needByError: { key: string; message: string } | null;
  changed?: string | null;
  onRemove(key: string): void;
  onNeedBy(key: string, neededBy: string | null): void;
  onClose(): void;
}) {
  const mine = props.board.dependencies.filter((d) => d.consumer.itemKey === props.card.key || d.provider.itemKey === props.card.key);
  const ids = useId();
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm" aria-labelledby="card-deps-title">
      <DialogTitle id="card-deps-title">
        Dependencies of {displayKey(props.card.key)} {props.card.title}
      </DialogTitle>
      <DialogContent>
        {mine.length === 0 && <DialogContentText>It neither waits on nor is waited on by anything planned here.</DialogContentText>}
        <Stack spacing={2}>
          {mine.map((d) => {
            const waits = d.consumer.itemKey === props.card.key;
            const other = waits ? d.provider : d.consumer;
            const id = `${ids}-${d.key}`;
            return (
              <Box key={d.key} role="group" aria-labelledby={id}>
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
                  <DialogContentText component="span" id={id}>
                    {dependencyText(d).symbol} {waits ? 'Waits on' : 'Is waited on by'}{' '}
                    {other.itemKey === null ? providerWithoutItemText(props.teamName(other.teamKey)) : `${displayKey(other.itemKey)} (${props.teamName(other.teamKey)}, ${dependencyEndPlace(other)})`}: {dependencyText(d).label}
                  </DialogContentText>
                  {d.local && (
                    <Button size="small" color="error" disabled={props.busy} onClick={() => props.onRemove(d.key)}>
                      Remove
                    </Button>
                  )}
                </Box>
                <NeedDate dependency={d} busy={props.busy} error={props.needByError?.key === d.key ? props.needByError.message : null} onNeedBy={(date) => props.onNeedBy(d.key, date)} />
              </Box>
            );
          })}
        </Stack>
        {props.error && <DialogContentText color="error">{props.error}</DialogContentText>}
        {/* Heard, not seen (the field shows the date): the page's own announcements are hidden behind the dialog. */}
        <Box role="status" aria-live="polite" sx={visuallyHidden}>
          {props.changed ? `Changed: ${props.changed}.` : ''}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * A card's open risks (its marker's, board-risks.ts): each with its ROAM status, owner and how it
 * is linked, and a link to it on the Risks page, where it is ROAMed and its history kept.
 */
export function CardRisksDialog(props: { card: BoardCard; risks: readonly RiskOnCard[]; teamName(key: string | null): string; onClose(): void }) {
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm" aria-labelledby="card-risks-title">
      <DialogTitle id="card-risks-title">
        Open risks on {displayKey(props.card.key)} {props.card.title}
      </DialogTitle>
      <DialogContent>
        {props.risks.length === 0 && <DialogContentText>No open risk is linked to it or to its dependencies (any longer).</DialogContentText>}
        <Stack spacing={1.5} component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }} data-testid="card-risks">
          {props.risks.map(({ risk, via }) => {
            const owner = [risk.ownerTeamKey === null ? null : props.teamName(risk.ownerTeamKey), risk.ownerPerson].filter(Boolean).join(', ');
            return (
              <Box component="li" key={risk.key} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', justifyContent: 'space-between' }}>
                <Box>
                  <DialogContentText sx={{ fontWeight: 600, color: 'text.primary' }}>
                    {risk.key} {risk.title}
                  </DialogContentText>
                  <DialogContentText variant="body2">
                    {ROAM_TEXT[risk.status].label} · {owner ? `owner ${owner}` : 'no owner yet'} · {linkedText(via)}
                  </DialogContentText>
                </Box>
                <Button size="small" href={riskAddress(risk.key)} sx={{ flexShrink: 0 }}>
                  Open {risk.key}
                </Button>
              </Box>
            );
          })}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
