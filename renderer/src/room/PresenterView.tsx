import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import DoneIcon from '@mui/icons-material/Done';
import NextIcon from '@mui/icons-material/NavigateNext';
import PreviousIcon from '@mui/icons-material/NavigateBefore';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DeckStep } from '../../../shared/room/deck-stepping';
import { CountdownText, useNow } from './Countdown';
import { deckKeys } from './deck-keys';
import { followAfter, PRESENTER_ALIVE_EVERY_MS, PRESENTER_CHANNEL, presenterScreen, presenterSessionOf, readPresenterMessage, type AgendaRow, type FollowedPresentation, type PresenterMessage } from './presenter-sync';

// The presenter view's window (`#/presenter?session=…`): what the facilitator alone sees while the
// room sees the presentation — the view's countdown, the session's time, the next view and the
// agenda — and the buttons and keys that step both windows. It needs no backend: everything comes
// from the window it follows, over the presenter channel (presenter-sync.ts).

/** The session this window's address names; a window opened again for a new one moves to it. */
function useSession(): string | null {
  const [session, setSession] = useState(() => presenterSessionOf(window.location.hash));
  useEffect(() => {
    const onHash = () => setSession(presenterSessionOf(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return session;
}

/**
 * This presenter view on the channel: says hello as it opens (and to every probe), bye as it
 * closes or reloads, follows each state its audience window sends, and sends it steps.
 */
function useFollowing(session: string | null): { followed: FollowedPresentation | null; step(move: DeckStep): void } {
  const [presenter] = useState(() => crypto.randomUUID());
  const [followed, setFollowed] = useState<FollowedPresentation | null>(null);
  const channel = useRef<BroadcastChannel | null>(null);
  useEffect(() => {
    setFollowed(null);
    if (!session || typeof BroadcastChannel === 'undefined') return;
    const bc = new BroadcastChannel(PRESENTER_CHANNEL);
    channel.current = bc;
    const post = (message: PresenterMessage) => bc.postMessage(message);
    const hello = () => post({ kind: 'hello', session, presenter });
    const bye = () => post({ kind: 'bye', session, presenter });
    bc.onmessage = (event: MessageEvent) => {
      const message = readPresenterMessage(event.data);
      if (!message || message.session !== session) return;
      if (message.kind === 'probe') hello();
      const now = performance.now();
      setFollowed((current) => followAfter(current, message, session, now));
    };
    // Back from the browser's page cache, it is open again.
    const onShow = (event: PageTransitionEvent) => event.persisted && hello();
    window.addEventListener('pagehide', bye);
    window.addEventListener('pageshow', onShow);
    hello();
    // Still open: the audience window lets a presenter view go that it stops hearing from (crashed).
    const alive = window.setInterval(() => post({ kind: 'alive', session, presenter }), PRESENTER_ALIVE_EVERY_MS);
    return () => {
      window.clearInterval(alive);
      window.removeEventListener('pagehide', bye);
      window.removeEventListener('pageshow', onShow);
      bye();
      bc.close();
      channel.current = null;
    };
  }, [session, presenter]);
  const step = useCallback((move: DeckStep) => session && channel.current?.postMessage({ kind: 'step', session, step: move } satisfies PresenterMessage), [session]);
  return { followed, step };
}

function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box sx={{ maxWidth: 720, mx: 'auto', mt: 12, px: 3 }}>
      <Typography variant="h1" gutterBottom>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function AgendaList({ rows, onJump }: { rows: readonly AgendaRow[]; onJump(number: number): void }) {
  return (
    <List aria-label="Agenda" dense disablePadding>
      {rows.map((row) => (
        <ListItem key={row.number} disablePadding>
          <ListItemButton
            selected={row.state === 'current'}
            aria-current={row.state === 'current' ? 'step' : undefined}
            onClick={() => onJump(row.number)}
            data-testid="agenda-row"
            sx={{ gap: 1.5, borderRadius: 1, color: row.state === 'done' ? 'text.secondary' : 'text.primary' }}
          >
            <Typography component="span" sx={{ width: '2ch', textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
              {row.number}
            </Typography>
            <Typography component="span" sx={{ flexGrow: 1, minWidth: 0, fontWeight: row.state === 'current' ? 700 : 400 }}>
              {row.title}
            </Typography>
            {row.state === 'done' && <DoneIcon fontSize="small" aria-label="shown" />}
            <Typography component="span" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {row.timebox ?? '—'}
            </Typography>
          </ListItemButton>
        </ListItem>
      ))}
    </List>
  );
}

function Following({ followed, step }: { followed: FollowedPresentation; step(move: DeckStep): void }) {
  const now = useNow();
  const screen = presenterScreen(followed, now);
  const length = followed.deck?.entries.length ?? 0;
  const keys = useMemo(() => deckKeys(step), [step]);
  // The remote's keys come here when this window has the focus (the facilitator clicked in it).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (length > 0 && keys.handle(event, length)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      keys.clear();
    };
  }, [keys, length]);
  useEffect(() => {
    document.title = `Presenter view: ${screen.title ?? 'a page without a deck'} – Interlock`;
  }, [screen.title]);

  const session = (
    <Typography component="p" variant="h3" data-testid="presenter-elapsed" sx={{ fontVariantNumeric: 'tabular-nums' }}>
      Session {screen.elapsed}
      {screen.planned && (
        <Typography component="span" variant="h3" color="text.secondary">
          {' '}
          of {screen.planned} planned
        </Typography>
      )}
    </Typography>
  );

  if (!screen.title) {
    return (
      <Notice title="Presenting a page without a deck">
        {session}
        <Typography sx={{ mt: 2 }}>
          The presenter view follows a deck: its agenda, each view’s timebox counting down, the next view. Present one from <b>Decks</b> (Present this deck), and this
          window follows it.
        </Typography>
      </Notice>
    );
  }

  return (
    <Box component="main" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 3fr) minmax(280px, 2fr)' }, gap: 3, p: 3, minHeight: '100vh', boxSizing: 'border-box' }}>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }}>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 2, flexWrap: 'wrap' }}>
          <Typography color="text.secondary">{screen.deckName}</Typography>
          {session}
        </Box>
        <Typography variant="h3" component="p" color="text.secondary" data-testid="presenter-position" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          View {screen.position}
        </Typography>
        <Typography variant="h1">{screen.title}</Typography>
        {screen.countdown ? (
          <Box>
            {/* As large as the window allows: read at a glance from a step away, while talking. */}
            <CountdownText value={screen.countdown} data-testid="presenter-countdown" sx={{ display: 'block', fontSize: 'clamp(4rem, 16vh, 10rem)', lineHeight: 1, fontWeight: 700 }} />
            <Typography color="text.secondary">{screen.countdown.tone === 'over' ? `over this view’s ${screen.timebox}` : `left of this view’s ${screen.timebox}`}</Typography>
          </Box>
        ) : (
          <Typography color="text.secondary" data-testid="presenter-countdown-none">
            No timebox for this view
          </Typography>
        )}
        <Box sx={{ display: 'flex', gap: 2, mt: 1 }}>
          <Button size="large" variant="outlined" startIcon={<PreviousIcon />} disabled={!screen.canGoBack} onClick={() => step('previous')}>
            Previous view
          </Button>
          <Button size="large" variant="contained" endIcon={<NextIcon />} disabled={!screen.canGoOn} onClick={() => step('next')}>
            Next view
          </Button>
        </Box>
        <Paper variant="outlined" sx={{ p: 2, mt: 2 }} data-testid="presenter-next">
          <Typography variant="overline" color="text.secondary">
            Next
          </Typography>
          {screen.next ? (
            <Typography variant="h2" component="p">
              {screen.next.title}
              <Typography component="span" variant="h2" color="text.secondary" sx={{ fontWeight: 400 }}>
                {' · '}
                {screen.next.timebox ?? 'no timebox'}
              </Typography>
            </Typography>
          ) : (
            <Typography variant="h2" component="p" color="text.secondary">
              The end of the deck
            </Typography>
          )}
        </Paper>
      </Box>
      <Box component="section" aria-labelledby="agenda-title" sx={{ minWidth: 0 }}>
        <Typography variant="h2" id="agenda-title" gutterBottom>
          Agenda
        </Typography>
        <Divider sx={{ mb: 1 }} />
        <AgendaList rows={screen.agenda} onJump={(number) => step({ jumpTo: number })} />
      </Box>
    </Box>
  );
}

export function PresenterView() {
  const session = useSession();
  const { followed, step } = useFollowing(session);
  useEffect(() => {
    if (!followed) document.title = 'Presenter view – Interlock';
  }, [followed]);
  if (!session) {
    return (
      <Notice title="Presenter view">
        <Typography>Open the presenter view from a presentation: V, or the presenter view button on the presentation bar. It follows the window it was opened from.</Typography>
      </Notice>
    );
  }
  if (!followed) {
    return (
      <Notice title="Not presenting">
        <Typography>
          The window this view was opened from presents nothing now. Present a deck there (F5, P, or Present this deck on Decks), and this view follows it: the view on screen, its
          countdown, the next view and the agenda.
        </Typography>
      </Notice>
    );
  }
  return <Following followed={followed} step={step} />;
}
