import Typography, { type TypographyProps } from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { countdown, type CountdownState } from './presenter-sync';

/** performance.now(), again every `everyMs` while the component is shown. */
export function useNow(everyMs = 250): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(performance.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

type TextProps = Omit<TypographyProps<'span'>, 'children'>;

/** A countdown as shown: grey, red near its end and once over. The bar's quiet one and the presenter view's large one. */
export function CountdownText({ value, sx, ...props }: { value: CountdownState } & TextProps) {
  const { text, tone, label } = value;
  return (
    <Typography
      variant="body2"
      component="span"
      data-testid="timebox"
      {...props}
      data-tone={tone}
      aria-label={label}
      sx={[{ fontVariantNumeric: 'tabular-nums', fontWeight: tone === 'calm' ? 400 : 700, color: tone === 'calm' ? 'text.secondary' : 'error.main' }, ...(Array.isArray(sx) ? sx : [sx])]}
    >
      {text}
    </Typography>
  );
}

/** A view's timebox of `seconds`, counting down from `since` (performance.now() when the view was shown). */
export function Countdown({ seconds, since, ...props }: { seconds: number; since: number } & TextProps) {
  const now = useNow();
  return <CountdownText value={countdown(now - since, seconds)} {...props} />;
}
