// The renderer's navigation and IPC trust rules, as pure functions, so that unit tests can hold
// them to the Electron security checklist without an Electron binary. The webPreferences stay a
// literal in main.ts, where both electronegativity and tests/unit/electron read them.

/** The renderer is served from this origin by the app:// protocol (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'interlock';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs of the app itself; parsed with the URL parser, never compared as strings. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    // Hosts of non-special schemes are not case-folded by the URL parser; Chromium folds them for
    // our registered standard scheme, so compare folded. Credentials never belong in our URLs.
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** In-app navigation (the hash routes) is allowed; anything leaving the app is not. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * The one window the app's page may open: its presenter view (presentation mode's second window,
 * for the facilitator's own screen), at the app's own entry with the presenter's hash route —
 * `app://interlock/index.html#/presenter?session=…`. Nothing else: no other page of the app (a
 * second main window would share its workspace), no other path, no query, no other origin.
 */
export function isPresenterWindowUrl(url: string): boolean {
  if (!isAppUrl(url)) return false;
  const parsed = new URL(url);
  return parsed.pathname === '/index.html' && parsed.search === '' && /^#\/presenter(\?|$)/.test(parsed.hash);
}

/** An IPC call is trusted only when it comes from the app's own top-level page. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url);
}

/**
 * The one permission the app's own page is granted: full screen, which presentation mode asks for
 * (requestFullscreen goes through the session's permission handlers in Electron). Every other
 * permission (camera, location, notifications, opening links…), and any page not the app's, is refused.
 */
export function isGrantedPermission(permission: string, requestingUrl: string): boolean {
  return (permission === 'fullscreen' || permission === 'automatic-fullscreen') && isAppUrl(requestingUrl);
}
