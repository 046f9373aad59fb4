import { createTheme, type Theme } from '@mui/material/styles';
import type { CSSProperties } from 'react';
import type { TypeScale } from '../room/type-scale';
import { roomStyles } from './room-styles';

export type ColorMode = 'light' | 'dark';

declare module '@mui/material/styles' {
  interface Theme {
    /** The room's type sizes while presenting; null at a desk. */
    room: TypeScale | null;
    /** The keyboard focus ring's colour, chosen to stand out on this mode's backgrounds. */
    focusRing: string;
  }
  interface ThemeOptions {
    room?: TypeScale | null;
    focusRing?: string;
  }
  interface TypographyVariants {
    /** A headline figure: the value on a tile. */
    figure: CSSProperties;
  }
  interface TypographyVariantsOptions {
    figure?: CSSProperties;
  }
}

declare module '@mui/material/Typography' {
  interface TypographyPropsVariantOverrides {
    figure: true;
  }
}

/**
 * Light for desks, dark for projectors in dim rooms. Chart colours come from the palette, so every
 * chart follows the mode. Series colours are colour-blind-safe (Okabe–Ito).
 */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'] as const;

const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const px = (n: number) => `${n}px`;

/** The room's sizes for every typography variant (and, through pxToRem, for MUI's own fixed sizes). */
function roomTypography(s: TypeScale) {
  const heading = (size: number) => ({ fontSize: px(size), fontWeight: 600, lineHeight: 1.2 });
  return {
    // MUI sizes some parts with pxToRem(12…14); scaling its base this way puts the smallest at `small`.
    fontSize: (14 * s.small) / 12,
    h1: heading(s.h1),
    h2: heading(s.h2),
    h3: heading(s.h3),
    h4: heading(s.h3),
    h5: heading(s.body),
    h6: heading(s.body),
    subtitle1: { fontSize: px(s.body) },
    subtitle2: { fontSize: px(s.small), fontWeight: 600 },
    body1: { fontSize: px(s.body), lineHeight: 1.4 },
    body2: { fontSize: px(s.small), lineHeight: 1.4 },
    caption: { fontSize: px(s.small) },
    overline: { fontSize: px(s.small) },
    button: { fontSize: px(s.small), textTransform: 'none' as const },
    figure: { fontSize: px(s.figure), fontWeight: 600, lineHeight: 1.1, fontVariantNumeric: 'tabular-nums' },
  };
}

export function appTheme(mode: ColorMode, options: { room?: TypeScale | null } = {}): Theme {
  const room = options.room ?? null;
  const light = mode === 'light';
  // Amber on dark and deep blue on light: at least 3:1 against every background of the mode.
  const focusRing = light ? '#0b57d0' : '#ffcc4d';
  const ring = { outline: `3px solid ${focusRing}`, outlineOffset: 2 };
  return createTheme({
    room,
    focusRing,
    palette: {
      mode,
      primary: { main: light ? '#1f4e79' : '#8fc4f0' },
      secondary: { main: light ? '#b35900' : '#ffb366' },
      // MUI's defaults for these fall under 4.5:1 with white text or on white in the light theme.
      ...(light ? { warning: { main: '#a84b00' }, info: { main: '#0b6aa2' } } : { error: { main: '#ff7961' } }),
      background: light ? { default: '#f5f7fa', paper: '#ffffff' } : { default: '#0f141a', paper: '#18202a' },
      ...(light ? { action: { active: 'rgba(0, 0, 0, 0.64)' } } : {}),
    },
    shape: { borderRadius: 8 },
    typography: room
      ? { fontFamily: FONT_FAMILY, ...roomTypography(room) }
      : {
          fontFamily: FONT_FAMILY,
          h1: { fontSize: '1.9rem', fontWeight: 600 },
          h2: { fontSize: '1.35rem', fontWeight: 600 },
          h3: { fontSize: '1.1rem', fontWeight: 600 },
          figure: { fontSize: '1.7rem', fontWeight: 600, lineHeight: 1.2, fontVariantNumeric: 'tabular-nums' },
        },
    components: {
      MuiCard: { defaultProps: { variant: 'outlined' } },
      MuiButton: { defaultProps: { disableElevation: true } },
      // A ring a projector shows, where MUI's focus ripple is a faint tint (invisible in the dark theme).
      MuiButtonBase: { styleOverrides: { root: { '&.Mui-focusVisible': ring } } },
      MuiTypography: { defaultProps: { variantMapping: { figure: 'p' } } },
      // Dialogs wrap their title, content and buttons in a <form> (Enter submits): the form carries
      // on the paper's column, so a dialog taller than the window scrolls its content and keeps its
      // title and buttons in view, as MUI lays out a dialog without one.
      MuiDialog: { styleOverrides: { paper: { '& > form': { display: 'flex', flexDirection: 'column', minHeight: 0 } } } },
      // A table wider than the screen (a room's type makes most of them so) scrolls: the keyboard must reach it too.
      MuiTableContainer: { defaultProps: { tabIndex: 0 } },
      ...(room
        ? {
            MuiTooltip: { styleOverrides: { tooltip: { fontSize: px(room.small) } } },
            // The drop-down arrow grows with the type: keep the value clear of it.
            MuiSelect: { styleOverrides: { select: { '&&&&': { paddingRight: '2em' } } } },
            // A field's label sits on its border at `small`, not MUI's three quarters of the body size
            // (the gap in the border is sized by the same ratio).
            MuiInputLabel: { styleOverrides: { shrink: { '&.MuiInputLabel-outlined': { transform: `translate(14px, -${Math.round(room.body * 0.6)}px) scale(${room.small / room.body})` } } } },
            MuiOutlinedInput: { styleOverrides: { notchedOutline: { '& legend': { fontSize: `${room.small / room.body}em` } } } },
          }
        : {}),
      MuiCssBaseline: { styleOverrides: { ':focus-visible': ring, ...roomStyles(light) } },
    },
  });
}

const MODE_KEY = 'interlock.colorMode';

export function initialColorMode(): ColorMode {
  const stored = localStorage.getItem(MODE_KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function storeColorMode(mode: ColorMode): void {
  localStorage.setItem(MODE_KEY, mode);
}
