import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { FileInspection } from '../../../shared/contract/workspace-channels';
import { useChannelMutation } from '../api/channel-hooks';
import { ReplaceDialog } from './ReplaceDialog';

/**
 * Before a whole workspace file is written at a path (Save As, an anonymised copy, an unsealed one):
 * a free path is written at once; a healthy workspace no one holds is asked about ("Replace …?");
 * anything else — a damaged, newer or foreign file, a folder, a file held elsewhere — is refused
 * up front, saying why, since the backend would refuse it after the question anyway.
 */
export function useReplaceCheck(replacement: string, busy: boolean) {
  const inspect = useChannelMutation('workspace.inspect');
  const [asking, setAsking] = useState<{ target: FileInspection; replace(): void } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const check = async (path: string, write: (replace: boolean) => void) => {
    setRefusal(null);
    const target = await inspect.mutateAsync({ path }).catch(() => null);
    if (target?.state === 'workspace' && !target.locked) setAsking({ target, replace: () => write(true) });
    else if (target && target.state !== 'missing') setRefusal(`Not replaced: ${target.message ?? `${target.path} is not an Interlock workspace.`} Choose another name.`);
    else write(false);
  };
  const dialog: ReactNode = asking && (
    <ReplaceDialog
      target={asking.target}
      replacement={replacement}
      busy={busy}
      onCancel={() => setAsking(null)}
      onReplace={() => {
        asking.replace();
        setAsking(null);
      }}
    />
  );
  return { check, refusal, checking: inspect.isPending, dialog, reset: () => setRefusal(null) };
}

/**
 * A ref for the field whose message `message` is: brought into view when the message appears, as a
 * dialog taller than a 1280×720 window shows it below the fold otherwise.
 */
export function useShownWhen<T extends HTMLElement>(message: string | null) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (message) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [message]);
  return ref;
}
