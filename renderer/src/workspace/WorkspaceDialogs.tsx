import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { WorkspaceSummary } from '../../../shared/contract/workspace-channels';
import { useChannelMutation } from '../api/channel-hooks';
import { desktopBridge } from '../api/desktop-bridge';
import { formatBytes } from '../format';
import { besideWithout, folderOf, joinPath, stemOf } from './file-paths';
import { FileChooserDialog } from './FileChooserDialog';
import { useReplaceCheck, useShownWhen } from './replace-check';

export const WORKSPACE_DIALOGS = ['rename', 'anonymise', 'seal', 'unseal'] as const;
export type WorkspaceDialog = (typeof WORKSPACE_DIALOGS)[number];

const OpenDialog = createContext<(dialog: WorkspaceDialog) => void>(() => undefined);

/** Opens one of the workspace dialogs (rename, anonymised copy, sealed copy, open a sealed copy). */
export function useWorkspaceDialogs(): (dialog: WorkspaceDialog) => void {
  return useContext(OpenDialog);
}

const MIN_PASSPHRASE = 8;

/**
 * The dialogs for naming and copying a workspace, opened from the Workspace menu, the title bar,
 * or (in the desktop app) the File menu, whose commands arrive through the preload bridge.
 */
export function WorkspaceDialogsProvider({ current, children }: { current: WorkspaceSummary | null; children: ReactNode }) {
  const [dialog, setDialog] = useState<WorkspaceDialog | null>(null);
  useEffect(
    () =>
      desktopBridge()?.onMenuCommand?.((command) => {
        if ((WORKSPACE_DIALOGS as readonly string[]).includes(command)) setDialog(command as WorkspaceDialog);
      }),
    [],
  );
  const close = () => setDialog(null);
  const needsWorkspace = dialog !== null && dialog !== 'unseal';
  return (
    <OpenDialog.Provider value={setDialog}>
      {children}
      {needsWorkspace && !current && (
        <Dialog open onClose={close}>
          <DialogContent>
            <Alert severity="info">Open a workspace first.</Alert>
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>Close</Button>
          </DialogActions>
        </Dialog>
      )}
      {dialog === 'rename' && current && <RenameDialog current={current} onClose={close} />}
      {dialog === 'anonymise' && current && <AnonymiseDialog current={current} onClose={close} />}
      {dialog === 'seal' && current && <SealDialog current={current} onClose={close} />}
      {dialog === 'unseal' && <UnsealDialog current={current} onClose={close} />}
    </OpenDialog.Provider>
  );
}

function RenameDialog({ current, onClose }: { current: WorkspaceSummary; onClose(): void }) {
  const [name, setName] = useState(current.name);
  const rename = useChannelMutation('workspace.rename');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="rename-title">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) rename.mutate({ name: name.trim() }, { onSuccess: onClose });
        }}
      >
        <DialogTitle id="rename-title">Rename the workspace</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>The name is kept inside the file and shown in the title bar and Open Recent; the file keeps its name ({current.path}).</DialogContentText>
          <TextField autoFocus fullWidth label="Workspace name" value={name} onChange={(e) => setName(e.target.value)} error={rename.isError} helperText={rename.error?.message ?? ' '} slotProps={{ htmlInput: { maxLength: 200 } }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={!name.trim() || rename.isPending}>
            Rename
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function AnonymiseDialog({ current, onClose }: { current: WorkspaceSummary; onClose(): void }) {
  const anonymise = useChannelMutation('workspace.anonymise');
  const open = useChannelMutation('workspace.open');
  const [shift, setShift] = useState('0');
  const [name, setName] = useState('Anonymised workspace');
  const shiftDays = /^[+-]?\d{1,5}$/.test(shift.trim()) ? Number(shift.trim()) : null;
  const done = anonymise.data;
  const replaceCheck = useReplaceCheck(`an anonymised copy of “${current.name}”`, anonymise.isPending);
  return (
    <>
      <FileChooserDialog
        title="Save an anonymised copy"
        explanation="Writes a copy in which every name — teams, value streams, items and their keys, objectives, interfaces, releases, services, forums, scenarios, increments — is replaced by a pseudonym, and free text is left out. The figures stay the same. The key that made the pseudonyms is not kept, so nobody can map the copy back to this workspace."
        confirmLabel="Save the anonymised copy"
        choice={{ mode: 'save', extension: '.interlock' }}
        initialPath={joinPath(folderOf(current.path), `${stemOf(current.path)}-anonymised.interlock`)}
        busy={anonymise.isPending || replaceCheck.checking}
        error={replaceCheck.refusal ?? anonymise.error?.message ?? null}
        confirmDisabled={shiftDays === null || !name.trim()}
        onConfirm={(path) => {
          anonymise.reset();
          void replaceCheck.check(path, (replace) => anonymise.mutate({ path, shiftDays: shiftDays ?? 0, name: name.trim(), replace }));
        }}
        onClose={onClose}
        done={
          done && (
            <Stack spacing={2}>
              <Alert severity="success">
                Wrote “{done.name}” to {done.path}
                {done.shiftDays !== 0 && `, every date moved ${Math.abs(done.shiftDays)} days ${done.shiftDays < 0 ? 'earlier' : 'later'}`}. The key behind its pseudonyms was not kept.
              </Alert>
              {open.error && <Alert severity="error">{open.error.message}</Alert>}
              <div>
                <Button variant="outlined" onClick={() => open.mutate({ path: done.path }, { onSuccess: onClose })}>
                  Open the anonymised copy
                </Button>
              </div>
            </Stack>
          )
        }
      >
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 2 }}>
          <TextField label="Name of the copy" value={name} onChange={(e) => setName(e.target.value)} sx={{ flex: 1 }} slotProps={{ htmlInput: { maxLength: 200 } }} />
          <TextField
            label="Move every date by (days)"
            value={shift}
            onChange={(e) => setShift(e.target.value)}
            error={shiftDays === null}
            helperText={shiftDays === null ? 'A whole number of days, e.g. -364' : 'Negative: earlier. Whole weeks keep weekly figures as they are.'}
            sx={{ flex: 1 }}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
        </Stack>
      </FileChooserDialog>
      {replaceCheck.dialog}
    </>
  );
}

function PassphraseFields(props: { value: string; onChange(v: string): void; repeat?: { value: string; onChange(v: string): void }; error?: string | null; autoComplete: string }) {
  const short = props.repeat !== undefined && props.value.length > 0 && props.value.length < MIN_PASSPHRASE;
  const differs = props.repeat !== undefined && props.repeat.value.length > 0 && props.repeat.value !== props.value;
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 2 }}>
      <TextField
        label="Passphrase"
        type="password"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        error={short || Boolean(props.error)}
        helperText={props.error ?? (short ? `At least ${MIN_PASSPHRASE} characters` : props.repeat ? 'Without it nobody can open the copy, Interlock included.' : ' ')}
        sx={{ flex: 1 }}
        slotProps={{ htmlInput: { autoComplete: props.autoComplete, maxLength: 1024 } }}
      />
      {props.repeat && (
        <TextField
          label="The same passphrase again"
          type="password"
          value={props.repeat.value}
          onChange={(e) => props.repeat!.onChange(e.target.value)}
          error={differs}
          helperText={differs ? 'The two passphrases differ' : ' '}
          sx={{ flex: 1 }}
          slotProps={{ htmlInput: { autoComplete: props.autoComplete, maxLength: 1024 } }}
        />
      )}
    </Stack>
  );
}

function SealDialog({ current, onClose }: { current: WorkspaceSummary; onClose(): void }) {
  const seal = useChannelMutation('workspace.seal');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const ready = passphrase.length >= MIN_PASSPHRASE && repeat === passphrase;
  return (
    <FileChooserDialog
      title="Save a sealed copy"
      explanation="Writes a copy of this workspace encrypted with a passphrase (scrypt and AES-256-GCM), to carry on a stick or send. Opening it needs the passphrase, and any change to the file is detected. Send the passphrase another way than the file."
      confirmLabel="Seal the copy"
      choice={{ mode: 'save', extension: '.sealed' }}
      initialPath={`${current.path}.sealed`}
      busy={seal.isPending}
      error={seal.error?.message ?? null}
      confirmDisabled={!ready}
      onConfirm={(path) => seal.mutate({ path, passphrase })}
      onClose={onClose}
      done={seal.data && <Alert severity="success">Wrote the sealed copy to {seal.data.path} ({formatBytes(seal.data.bytes)}). Open it with Workspace → Open a sealed copy… and its passphrase.</Alert>}
    >
      <PassphraseFields value={passphrase} onChange={setPassphrase} repeat={{ value: repeat, onChange: setRepeat }} autoComplete="new-password" />
    </FileChooserDialog>
  );
}

function UnsealDialog({ current, onClose }: { current: WorkspaceSummary | null; onClose(): void }) {
  const unseal = useChannelMutation('workspace.unseal');
  const [passphrase, setPassphrase] = useState('');
  const [target, setTarget] = useState('');
  const [targetEdited, setTargetEdited] = useState(false);
  const wrong = unseal.error?.code === 'wrong-passphrase';
  const replaceCheck = useReplaceCheck('the workspace in the sealed copy', unseal.isPending);
  const targetField = useShownWhen<HTMLDivElement>(replaceCheck.refusal);
  return (
    <>
      <FileChooserDialog
        title="Open a sealed copy"
        explanation="Choose a sealed copy (.sealed) and give its passphrase. It is checked whole before anything is written; the workspace inside is saved to the file below and opened."
        confirmLabel="Open"
        choice={{ mode: 'open', extension: '.sealed' }}
        initialPath={current ? joinPath(folderOf(current.path), '') : ''}
        busy={unseal.isPending || replaceCheck.checking}
        error={unseal.error && !wrong ? unseal.error.message : null}
        confirmDisabled={!passphrase || !target.trim()}
        onPathChange={(path) => !targetEdited && setTarget(besideWithout(path, '.sealed', '.interlock'))}
        onConfirm={(sealedPath) => {
          unseal.reset();
          void replaceCheck.check(target.trim(), (replace) => unseal.mutate({ sealedPath, path: target.trim(), passphrase, replace }, { onSuccess: onClose }));
        }}
        onClose={onClose}
      >
        <PassphraseFields value={passphrase} onChange={setPassphrase} error={wrong ? unseal.error!.message : null} autoComplete="current-password" />
        <TextField
          ref={targetField}
          fullWidth
          sx={{ mt: 2 }}
          label="Open into (a workspace file)"
          value={target}
          onChange={(e) => {
            setTarget(e.target.value);
            setTargetEdited(true);
            replaceCheck.reset();
          }}
          error={replaceCheck.refusal !== null}
          helperText={replaceCheck.refusal ?? 'A workspace already there is replaced only once you confirm, and kept as an automatic backup first.'}
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
      </FileChooserDialog>
      {replaceCheck.dialog}
    </>
  );
}
