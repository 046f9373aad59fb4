import Alert from '@mui/material/Alert';
import { staleViewText, type StaleChoice } from './stale-view';

/** Above a view whose address names what the workspace no longer holds; nothing otherwise. Not a tool: the room reads it too. */
export function StaleViewNotice({ stale, instead, where }: { stale: readonly StaleChoice[]; instead: string | null; where?: string }) {
  const text = staleViewText(stale, instead, where);
  if (text === null) return null;
  return (
    <Alert severity="warning" data-testid="stale-view" sx={{ mb: 2 }}>
      {text}
    </Alert>
  );
}
