import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appTheme, initialColorMode } from '../theme/app-theme';
import { PresenterView } from './PresenterView';

/**
 * Renders the presenter view into #root: no router, no backend, no query client — only what the
 * window it follows sends. In the theme the app's windows share (the dark one for a dim room).
 */
export function startPresenter(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ThemeProvider theme={appTheme(initialColorMode())}>
        <CssBaseline />
        <PresenterView />
      </ThemeProvider>
    </StrictMode>,
  );
}
