import { createTheme, type Theme } from '@mui/material/styles';

export type ColorMode = 'light' | 'dark';

/**
 * Light for desks, dark for projectors in dim rooms. Chart colours come from the palette, so every
 * chart follows the mode. Series colours are colour-blind-safe (Okabe–Ito).
 */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'] as const;

export function appTheme(mode: ColorMode): Theme {
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'light' ? '#1f4e79' : '#8fc4f0' },
      secondary: { main: mode === 'light' ? '#b35900' : '#ffb366' },
      background: mode === 'light' ? { default: '#f5f7fa', paper: '#ffffff' } : { default: '#0f141a', paper: '#18202a' },
    },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
      h1: { fontSize: '1.9rem', fontWeight: 600 },
      h2: { fontSize: '1.35rem', fontWeight: 600 },
      h3: { fontSize: '1.1rem', fontWeight: 600 },
    },
    components: {
      MuiCard: { defaultProps: { variant: 'outlined' } },
      MuiButton: { defaultProps: { disableElevation: true } },
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
