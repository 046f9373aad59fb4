/**
 * The one Content-Security-Policy of the renderer, sent by the Electron protocol handler and by the
 * browser host alike. Scripts only from the app itself; styles allow inline because MUI (emotion)
 * injects <style> elements at run time; no framing, no plugins, no form posts, API calls to self only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
