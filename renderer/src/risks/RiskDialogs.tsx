import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FocusEvent } from 'react';
import { splitList } from '../../../shared/import/columns';
import { ROAM_COLUMNS, ROAM_TEXT } from '../../../shared/risks/roam';
import type { Risk, RiskInput, RiskStatus } from '../../../shared/risks/risk-schema';
import { parseScopeId, scopeId, type ScopeOption } from '../../../shared/risks/risk-scope';
import { formatDateTime } from '../format';
import { EMPTY_CHOICE_SHOWN } from '../layout/empty-choice';

export type RiskAction = { kind: 'move'; status: RiskStatus } | { kind: 'edit' } | { kind: 'delete' };

/** What can be done to a card: the keyboard's way to every move a drag makes, and more. */
export function RiskMenu(props: { anchor: HTMLElement | null; risk: Risk | null; onAction(action: RiskAction): void; onClose(): void }) {
  const risk = props.risk;
  return (
    <Menu anchorEl={props.anchor} open={props.anchor !== null && risk !== null} onClose={props.onClose}>
      <ListSubheader>Move {risk?.key} to</ListSubheader>
      {ROAM_COLUMNS.filter((s) => s !== risk?.status).map((s) => (
        <MenuItem key={s} onClick={() => props.onAction({ kind: 'move', status: s })}>
          {ROAM_TEXT[s].label}
        </MenuItem>
      ))}
      <MenuItem divider={false} onClick={() => props.onAction({ kind: 'edit' })}>
        Edit and history…
      </MenuItem>
      <MenuItem onClick={() => props.onAction({ kind: 'delete' })}>Delete…</MenuItem>
    </Menu>
  );
}

const joinKeys = (keys: readonly string[]) => keys.join('; ');

/** Scope options grouped under their kind, as a select's items. */
function scopeItems(options: readonly ScopeOption[]) {
  const groups: [string, ScopeOption[]][] = [
    ['Whole increment', options.filter((o) => o.scope.kind === 'increment')],
    ['Coordination group (mission-level board)', options.filter((o) => o.scope.kind === 'group')],
    ['Team', options.filter((o) => o.scope.kind === 'team')],
  ];
  return groups
    .filter(([, list]) => list.length > 0)
    .flatMap(([label, list]) => [
      <ListSubheader key={label}>{label}</ListSubheader>,
      ...list.map((o) => (
        <MenuItem key={o.id} value={o.id}>
          {o.label}
        </MenuItem>
      )),
    ]);
}

/**
 * Create or edit a risk: title, description, status, scope, owner (team, person or both), links by
 * key; an existing risk shows the history of its status. Delete asks first.
 */
export function RiskDialog(props: {
  risk: Risk | null;
  scopeOptions: readonly ScopeOption[];
  defaultScope: string;
  teams: readonly { key: string; name: string }[];
  who: string;
  busy: boolean;
  error: string | null;
  onSave(input: RiskInput): void;
  onDelete(risk: Risk): void;
  onClose(): void;
}) {
  const { risk } = props;
  const [title, setTitle] = useState(risk?.title ?? '');
  const [description, setDescription] = useState(risk?.description ?? '');
  const [status, setStatus] = useState<RiskStatus>(risk?.status ?? 'unroamed');
  const [scope, setScope] = useState(risk ? scopeId(risk.scope) : props.defaultScope);
  const [ownerTeam, setOwnerTeam] = useState(risk?.ownerTeamKey ?? '');
  const [ownerPerson, setOwnerPerson] = useState(risk?.ownerPerson ?? '');
  const [items, setItems] = useState(joinKeys(risk?.links.items ?? []));
  const [dependencies, setDependencies] = useState(joinKeys(risk?.links.dependencies ?? []));
  const [objectives, setObjectives] = useState(joinKeys(risk?.links.objectives ?? []));
  const [confirming, setConfirming] = useState(false);
  // A scope the options no longer hold (a group the advisor stopped forming) stays choosable.
  const options = risk && !props.scopeOptions.some((o) => o.id === scopeId(risk.scope)) ? [...props.scopeOptions, { id: scopeId(risk.scope), scope: risk.scope, label: `${risk.scope.kind} ${risk.scope.key}`, risks: 1 }] : props.scopeOptions;
  const parsedScope = parseScopeId(scope);
  const submit = () => {
    if (!parsedScope) return;
    props.onSave({
      key: risk?.key,
      title,
      description,
      status,
      scope: parsedScope,
      ownerTeamKey: ownerTeam || null,
      ownerPerson: ownerPerson || null,
      links: { items: splitList(items), dependencies: splitList(dependencies), objectives: splitList(objectives) },
      who: props.who || null,
    });
  };
  // Focused on opening with its caret after the last character (where setting a value leaves it), a
  // long title showed only its end: the first focus shows its start instead; a later one is the user's.
  const [titleFocused, setTitleFocused] = useState(false);
  const showTitleStart = (e: FocusEvent<HTMLInputElement>) => {
    if (titleFocused) return;
    setTitleFocused(true);
    e.target.setSelectionRange(0, 0);
    e.target.scrollLeft = 0;
  };
  return (
    <>
      <Dialog
        open
        onClose={props.onClose}
        fullWidth
        maxWidth={risk ? 'lg' : 'md'}
        aria-labelledby="risk-title"
        // A quarter of MUI's margin above and below: at 1280×720 in the room's type the fields and a history of seven need those 48 px.
        slotProps={{ paper: { sx: { my: 1, maxHeight: 'calc(100% - 16px)' } } }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <DialogTitle id="risk-title">{risk ? `${risk.key}: ${risk.title}` : 'New risk'}</DialogTitle>
          <DialogContent>
            {props.error && (
              <Alert severity="error" sx={{ mb: 2 }}>
                {props.error}
              </Alert>
            )}
            <Box sx={{ display: 'grid', columnGap: 3, rowGap: 2, pt: 1, gridTemplateColumns: risk ? { xs: 'minmax(0, 1fr)', md: 'minmax(0, 5fr) minmax(0, 4fr)' } : 'minmax(0, 1fr)', gridTemplateRows: { md: 'auto 1fr' }, gridTemplateAreas: { md: risk ? '"fields history" "links history"' : '"fields" "links"' } }}>
              <Stack spacing={2} sx={{ gridArea: { md: 'fields' } }}>
                <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus slotProps={{ htmlInput: { maxLength: 300, onFocus: showTitleStart } }} />
                {/* A long description scrolls in its field, so that the fields stay one screen high in the room. */}
                <TextField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} multiline minRows={2} maxRows={5} slotProps={{ htmlInput: { maxLength: 5000 } }} />
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                  <TextField select label="Status" value={status} onChange={(e) => setStatus(e.target.value as RiskStatus)} sx={{ minWidth: 200 }}>
                    {ROAM_COLUMNS.map((s) => (
                      <MenuItem key={s} value={s}>
                        {ROAM_TEXT[s].label}
                      </MenuItem>
                    ))}
                  </TextField>
                  <TextField select label="Scope" value={scope} onChange={(e) => setScope(e.target.value)} required sx={{ flex: 1 }}>
                    {scopeItems(options)}
                  </TextField>
                </Stack>
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                  <TextField slotProps={EMPTY_CHOICE_SHOWN} select label="Owner team" value={ownerTeam} onChange={(e) => setOwnerTeam(e.target.value)} sx={{ flex: 1 }}>
                    <MenuItem value="">No team</MenuItem>
                    {props.teams.map((t) => (
                      <MenuItem key={t.key} value={t.key}>
                        {t.name}
                      </MenuItem>
                    ))}
                  </TextField>
                  <TextField label="Owner (a person)" value={ownerPerson} onChange={(e) => setOwnerPerson(e.target.value)} sx={{ flex: 1 }} slotProps={{ htmlInput: { maxLength: 200 } }} />
                </Stack>
              </Stack>
              {/* The three keys' fields share the fields' column: the history beside them is the taller one. */}
              <Box component="fieldset" sx={{ gridArea: { md: 'links' }, alignSelf: 'start', border: 0, m: 0, p: 0, minWidth: 0 }}>
                <Typography component="legend" variant="body2" sx={{ p: 0, mb: 1.5 }}>
                  Linked by key (separated by ; or ,)
                </Typography>
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                  <TextField label="Items" value={items} onChange={(e) => setItems(e.target.value)} sx={{ flex: 5 }} />
                  <TextField label="Dependencies" value={dependencies} onChange={(e) => setDependencies(e.target.value)} sx={{ flex: 4 }} />
                  <TextField label="Objectives" value={objectives} onChange={(e) => setObjectives(e.target.value)} sx={{ flex: 3 }} />
                </Stack>
              </Box>
              {risk && <RiskHistory risk={risk} />}
            </Box>
          </DialogContent>
          <DialogActions>
            {risk && (
              <Button color="error" onClick={() => setConfirming(true)} sx={{ mr: 'auto' }}>
                Delete…
              </Button>
            )}
            <Button onClick={props.onClose}>Cancel</Button>
            <Button type="submit" variant="contained" disabled={props.busy || title.trim() === '' || !parsedScope}>
              {risk ? 'Save' : 'Add risk'}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
      {risk && confirming && <DeleteRiskDialog risk={risk} onCancel={() => setConfirming(false)} onDelete={() => props.onDelete(risk)} />}
    </>
  );
}

/**
 * The history of a risk's status, beside its fields where the dialog is wide enough (at a desk and
 * on a projector): below them, the facilitator scrolled the dialog in front of the room to read it.
 */
function RiskHistory({ risk }: { risk: Risk }) {
  return (
    <Box component="section" aria-labelledby="risk-history" sx={{ gridArea: { md: 'history' } }}>
      <Typography id="risk-history" variant="h3" component="h3" sx={{ mb: 0.5 }}>
        History of its status
      </Typography>
      <Stack component="ol" spacing={0.5} sx={{ m: 0, pl: 3 }} data-testid="risk-history">
        {risk.history.map((h, i) => (
          // The change on one line, when and why on the next: two lines an entry where one sentence took two or three, so that a history of seven fits beside the fields at 1280×720.
          <Typography component="li" variant="body2" key={i}>
            {h.from === null ? `Raised as ${ROAM_TEXT[h.to].label}` : `${ROAM_TEXT[h.from].label} → ${ROAM_TEXT[h.to].label}`}
            {h.who ? `, by ${h.who}` : ''}
            <Typography component="span" variant="body2" sx={{ display: 'block', color: 'text.secondary' }}>
              {formatDateTime(h.at)}
              {h.note ? ` · ${h.note}` : ''}
            </Typography>
          </Typography>
        ))}
      </Stack>
    </Box>
  );
}

/** Delete asks: the risk and its history go for good. */
export function DeleteRiskDialog(props: { risk: Risk; onCancel(): void; onDelete(): void }) {
  return (
    <Dialog open onClose={props.onCancel} aria-labelledby="delete-risk-title" aria-describedby="delete-risk-text">
      <DialogTitle id="delete-risk-title">Delete {props.risk.key}?</DialogTitle>
      <DialogContent>
        <DialogContentText id="delete-risk-text">
          “{props.risk.title}” and the history of its status are deleted from the workspace. This cannot be undone.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel} autoFocus>
          Keep it
        </Button>
        <Button color="error" variant="contained" onClick={props.onDelete}>
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  );
}
