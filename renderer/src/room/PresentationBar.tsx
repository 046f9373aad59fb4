import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import FullscreenIcon from '@mui/icons-material/FullscreenOutlined';
import NextIcon from '@mui/icons-material/NavigateNext';
import PreviousIcon from '@mui/icons-material/NavigateBefore';
import PresenterIcon from '@mui/icons-material/SpeakerNotesOutlined';
import { useEffect, useState } from 'react';
import { Countdown } from './Countdown';
import { usePresentation } from './presentation';
import { audienceBar } from './presenter-sync';

/** How long the bar stays whole after the pointer last moved or the view last changed. */
const BAR_IDLE_MS = 3000;

/**
 * Whether the facilitator has just moved the pointer, or the view has just changed (`shownAt`):
 * false once `BAR_IDLE_MS` pass without either.
 */
function useRecentlyActive(shownAt: number): boolean {
  const [active, setActive] = useState(true);
  useEffect(() => {
    let timer = 0;
    const wake = () => {
      setActive(true);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setActive(false), BAR_IDLE_MS);
    };
    wake();
    window.addEventListener('pointermove', wake);
    window.addEventListener('pointerdown', wake);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pointermove', wake);
      window.removeEventListener('pointerdown', wake);
    };
  }, [shownAt]);
  return active;
}

/**
 * What only the facilitator looks at while presenting, in a corner: where the deck is ("3 / 8"),
 * the view's title, its timebox, and buttons for a mouse; a thin bar along the bottom edge shows
 * the progress through the deck. While a presenter view is open, the countdown and the progress
 * are there instead, on the facilitator's screen alone. The room should see the view, not the controls: a few seconds
 * after the pointer last moved (or the view changed) everything but the countdown fades out, and
 * comes back when the pointer moves, rests on the bar, or the keyboard reaches its buttons. Faded by
 * opacity alone, so the buttons stay where a pointer finds them.
 */
export function PresentationBar() {
  const { deck, index, slideShownAt, fullScreen, presenterOpen, step, leave, openPresenter, enterFullScreen } = usePresentation();
  const idle = !useRecentlyActive(slideShownAt);
  const entry = deck?.entries[index];
  const { position, countdownSeconds, progress } = audienceBar(deck, index, presenterOpen);
  return (
    <Box component="aside" aria-label="Presentation" data-testid="presentation-bar" data-idle={idle} data-presenter-open={presenterOpen} data-no-print>
      {progress !== null && <LinearProgress variant="determinate" value={progress * 100} aria-label={`View ${position}`} sx={{ position: 'fixed', left: 0, right: 0, bottom: 0, height: 4 }} />}
      <Box
        sx={{
          position: 'fixed',
          right: 12,
          bottom: 12,
          display: 'flex',
          alignItems: 'center',
          gap: 1.5,
          px: 1.5,
          py: 0.5,
          borderRadius: 2,
          bgcolor: 'background.paper',
          border: 1,
          borderColor: 'divider',
          opacity: 0.9,
          zIndex: (t) => t.zIndex.appBar,
          // Instantly, not faded over time: a half-faded bar is neither readable nor out of the way.
          '[data-idle="true"] > &:not(:hover):not(:focus-within)': {
            bgcolor: 'transparent',
            borderColor: 'transparent',
            '& > [data-fades]': { opacity: 0 },
            // The countdown keeps a ground of its own to be read on whatever the view shows there.
            '& > [data-testid="timebox"]': { bgcolor: 'background.paper', px: 1, borderRadius: 1 },
          },
        }}
      >
        {deck && position && entry ? (
          <>
            <Typography variant="body2" component="span" color="text.secondary" data-testid="slide-progress" data-fades sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {position}
            </Typography>
            <Typography variant="body2" component="span" color="text.secondary" noWrap data-fades sx={{ maxWidth: '32vw' }}>
              {entry.title}
            </Typography>
            <IconButton size="small" onClick={() => step('previous')} disabled={index === 0} aria-label="Previous view" data-fades>
              <PreviousIcon />
            </IconButton>
            <IconButton size="small" onClick={() => step('next')} disabled={index === deck.entries.length - 1} aria-label="Next view" data-fades>
              <NextIcon />
            </IconButton>
          </>
        ) : (
          <Typography variant="body2" component="span" color="text.secondary" data-fades>
            Esc leaves
          </Typography>
        )}
        {/* Open, it is pressed: the countdown and the progress are on the facilitator's screen. */}
        <IconButton size="small" onClick={openPresenter} aria-label="Presenter view (V)" aria-pressed={presenterOpen} aria-keyshortcuts="V" color={presenterOpen ? 'primary' : 'default'} data-fades>
          <PresenterIcon />
        </IconButton>
        {/* A browser ends full screen as the presenter view opens; the presentation goes on, in the window. */}
        {presenterOpen && !fullScreen && (
          <IconButton size="small" onClick={enterFullScreen} aria-label="Full screen" data-fades>
            <FullscreenIcon />
          </IconButton>
        )}
        <IconButton size="small" onClick={leave} aria-label="Leave presentation mode (Esc)" data-fades>
          <CloseIcon />
        </IconButton>
        {/* Last, in the corner: what stays when the rest fades. */}
        {countdownSeconds !== null && <Countdown key={slideShownAt} seconds={countdownSeconds} since={slideShownAt} />}
      </Box>
    </Box>
  );
}
