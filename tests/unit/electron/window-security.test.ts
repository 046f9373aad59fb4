import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAllowedNavigation, isAppUrl, isGrantedPermission, isPresenterWindowUrl, isTrustedSender } from '../../../electron/main/window-security';

describe('navigation guard', () => {
  it('allows the app itself, including its hash routes', () => {
    expect(isAllowedNavigation(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation('app://interlock/index.html#/flow')).toBe(true);
  });

  it('blocks every other origin and scheme', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:5417/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  describe('edge cases', () => {
    it('is not fooled by prefixes, credentials or look-alike hosts', () => {
      expect(isAppUrl('app://interlock.evil.com/')).toBe(false);
      expect(isAppUrl('app://interlock@evil/')).toBe(false);
      expect(isAppUrl('APP://INTERLOCK/index.html')).toBe(true);
      expect(isAppUrl('not a url')).toBe(false);
      expect(isAppUrl('')).toBe(false);
    });
  });
});

describe('IPC sender check', () => {
  it('trusts only the top-level app page', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: null })).toBe(true);
  });

  it('refuses sub-frames, foreign pages and missing frames', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('permissions', () => {
  it("the app's own page may go full screen (presentation mode); nothing else is granted", () => {
    expect(isGrantedPermission('fullscreen', 'app://interlock/index.html#/decks')).toBe(true);
    expect(isGrantedPermission('fullscreen', 'app://interlock')).toBe(true);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'pointerLock']) {
      expect(isGrantedPermission(permission, APP_ENTRY_URL), permission).toBe(false);
    }
  });

  describe('edge cases', () => {
    it("no page but the app's gets full screen either", () => {
      expect(isGrantedPermission('fullscreen', 'https://example.com/')).toBe(false);
      expect(isGrantedPermission('fullscreen', 'app://interlock.evil.com/')).toBe(false);
      expect(isGrantedPermission('fullscreen', '')).toBe(false);
    });
  });
});

describe('the one window a page may open: its presenter view', () => {
  it('the app’s own entry at the presenter address, as the renderer opens it', () => {
    expect(isPresenterWindowUrl('app://interlock/index.html#/presenter?session=6f1c2a9e-0b7d-4c1e-9a57-1f2e3d4c5b6a')).toBe(true);
    expect(isPresenterWindowUrl('app://interlock/index.html#/presenter')).toBe(true);
  });

  describe('edge cases', () => {
    it('no other page of the app, no other path or query, no other origin or scheme', () => {
      for (const url of [
        APP_ENTRY_URL,
        'app://interlock/index.html#/decks',
        'app://interlock/index.html#/presenters?session=x',
        'app://interlock/index.html#presenter',
        'app://interlock/other.html#/presenter',
        'app://interlock/index.html?x=1#/presenter',
        'app://interlock.evil.com/index.html#/presenter',
        'app://user@interlock/index.html#/presenter',
        'http://127.0.0.1:5417/#/presenter?session=x',
        'https://example.com/index.html#/presenter',
        'javascript:alert(1)//#/presenter',
        'not a url',
        '',
      ]) {
        expect(isPresenterWindowUrl(url), url).toBe(false);
      }
    });
  });
});
