import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Pseudonyms, pseudonymPattern, PSEUDONYM_KIND_NAMES, type KeyedDigest } from '../../../shared/anonymise/pseudonyms';
import { REWRITERS, ROW_FILTERS, type RewriteContext } from '../../../shared/anonymise/row-rewriters';

const hmac =
  (key: string): KeyedDigest =>
  (kind, value) =>
    createHmac('sha256', key).update(kind).update('\u0000').update(value).digest('hex');

describe('pseudonyms', () => {
  it('give one name one pseudonym inside a copy, and different copies different ones', () => {
    const first = new Pseudonyms(hmac('key one'));
    const second = new Pseudonyms(hmac('key two'));
    expect(first.of('team', 'Checkout')).toBe(first.of('team', 'Checkout'));
    expect(first.of('team', 'Checkout')).toMatch(/^Team [0-9a-f]{8}$/);
    expect(first.of('team', 'Checkout')).not.toBe(second.of('team', 'Checkout'));
    expect(first.of('item-key', 'SHOP-12')).toMatch(/^ITEM-[0-9a-f]{8}$/);
  });

  it('keep kinds apart: a team key and a team name that read alike get different pseudonyms', () => {
    const p = new Pseudonyms(hmac('k'));
    expect(p.of('team-key', 'checkout')).toMatch(/^team-/);
    expect(p.of('team', 'checkout')).toMatch(/^Team /);
  });

  it('are what an HMAC of kind and name starts with (no name can be checked without the key)', () => {
    const digest = hmac('secret');
    expect(new Pseudonyms(digest).of('service', 'payments-api')).toBe(`Service ${digest('service', 'payments-api').slice(0, 8)}`);
  });

  it('treat statuses without case, as the status map does (SQLite NOCASE folds ASCII)', () => {
    const p = new Pseudonyms(hmac('k'));
    expect(p.of('status', 'In Progress')).toBe(p.of('status', 'in progress'));
    expect(p.of('status', 'Ärger')).not.toBe(p.of('status', 'ärger'));
  });

  it("keep the keys Interlock made itself (a counter names nothing) and replace a client's own", () => {
    const p = new Pseudonyms(hmac('k'));
    expect(p.of('item-key', 'interlock:item:12')).toBe('interlock:item:12');
    expect(p.of('objective-key', 'interlock:objective:3')).toBe('interlock:objective:3');
    expect(p.of('dependency-key', 'interlock:dep:7')).toBe('interlock:dep:7');
    expect(p.of('risk-key', 'RISK-10')).toBe('RISK-10');
    expect(p.of('risk-key', 'ACMEBANK-PAY-7')).toMatch(/^R-[0-9a-f]{8}$/);
    // Only in their own kind, and only whole.
    expect(p.of('risk', 'RISK-10')).toMatch(/^Risk /);
    expect(p.of('risk-key', 'RISK-10b')).toMatch(/^R-/);
    expect(p.of('item-key', 'ACME:interlock:item:1')).toMatch(/^ITEM-/);
  });

  it('keep the link types every tracker uses, and replace a custom one', () => {
    const p = new Pseudonyms(hmac('k'));
    expect(p.of('link-type', 'blocks')).toBe('blocks');
    expect(p.of('link-type', 'Relates to')).toBe('Relates to');
    expect(p.of('link-type', 'waits on ACME legal')).toMatch(/^Link type [0-9a-f]{8}$/);
  });

  it('are found by the pattern of every kind (used to check copies)', () => {
    const p = new Pseudonyms(hmac('k'));
    const names = PSEUDONYM_KIND_NAMES.filter((k) => k !== 'content-hash').map((k) => p.of(k, `x-${k}`));
    const found = names.join(' | ').match(pseudonymPattern()) ?? [];
    expect(found.filter((f) => !f.startsWith('blocks'))).toEqual(names);
  });

  describe('edge cases', () => {
    it('a clash of the first digits takes more digits, never merging two names', () => {
      // A digest whose first 8 digits are the same for every name: the second name needs 12.
      const clashing: KeyedDigest = (_kind, value) => `deadbeef${createHmac('sha256', 'k').update(value).digest('hex')}`.slice(0, 64);
      const p = new Pseudonyms(clashing);
      const a = p.of('team', 'A');
      const b = p.of('team', 'B');
      expect(a).toBe('Team deadbeef');
      expect(b).toMatch(/^Team deadbeef[0-9a-f]{4}$/);
      expect(p.of('team', 'B')).toBe(b);
    });

    it('even a digest that clashes whole never gives two names one pseudonym', () => {
      const p = new Pseudonyms(() => 'f'.repeat(64));
      const names = ['A', 'B', 'C', 'D'].map((n) => p.of('team', n));
      expect(new Set(names).size).toBe(4);
      expect(p.of('content-hash', 'x')).not.toBe(p.of('content-hash', 'y'));
    });

    it('an import content hash keeps a whole digest, so equal files stay equal', () => {
      const p = new Pseudonyms(hmac('k'));
      expect(p.of('content-hash', 'abc')).toMatch(/^[0-9a-f]{64}$/);
    });

    it('the mapping lists what was replaced, per kind', () => {
      const p = new Pseudonyms(hmac('k'));
      const pseudonym = p.of('forum', 'ART sync');
      expect(p.mapping().get('forum')?.get('ART sync')).toBe(pseudonym);
    });
  });
});

describe('rewriting bodies that hold names', () => {
  const context = (): RewriteContext => ({ pseudonyms: new Pseudonyms(hmac('k')), shiftMs: -7 * 86_400_000, workspaceName: 'Anonymised workspace', workspaceId: 'new-id' });

  it('a scenario: team and dependency keys mapped, a merged team named by a pseudonym, unknown changes left out', () => {
    const c = context();
    const body = JSON.stringify({
      version: 1,
      changes: [
        { kind: 'move', teamKey: 'basket', toTeamKey: null },
        { kind: 'merge', teamKeys: ['basket', 'pricing'], name: 'Basket and Pricing' },
        { kind: 'resolve', dependencyKeys: ['DEP-1'] },
        { kind: 'rename-everything', to: 'ACME' },
      ],
    });
    const out = JSON.parse(REWRITERS['scenario-body'](body, [], c)!);
    const p = c.pseudonyms;
    expect(out).toEqual({
      version: 1,
      changes: [
        { kind: 'move', teamKey: p.of('team-key', 'basket'), toTeamKey: null },
        { kind: 'merge', teamKeys: [p.of('team-key', 'basket'), p.of('team-key', 'pricing')], name: p.of('team', 'Basket and Pricing') },
        { kind: 'resolve', dependencyKeys: [p.of('dependency-key', 'DEP-1')] },
      ],
    });
  });

  it('a baseline: card keys, titles, teams and iterations mapped; fields not known left out', () => {
    const c = context();
    const body = JSON.stringify({ cards: [{ key: 'SHOP-1', title: 'Pay by link', teamKey: 'checkout', iteration: 'Iteration 1', note: 'ACME' }], dependencies: [{ key: 'D1', state: 'conflict' }] });
    const out = REWRITERS['baseline-body'](body, [], c)!;
    expect(out).not.toContain('ACME');
    const p = c.pseudonyms;
    expect(JSON.parse(out)).toEqual({
      cards: [{ key: p.of('item-key', 'SHOP-1'), title: p.of('item-title', 'Pay by link'), teamKey: p.of('team-key', 'checkout'), iteration: p.of('iteration', 'Iteration 1') }],
      dependencies: [{ key: p.of('dependency-key', 'D1'), state: 'conflict' }],
    });
  });

  it("a baseline keeps each card's iteration id, as the copy keeps the iterations' ids: a renamed iteration is the same one there too", () => {
    const c = context();
    const body = JSON.stringify({ cards: [{ key: 'SHOP-1', title: 'Pay by link', teamKey: 'checkout', iteration: 'Iteration 1', iterationId: 7 }, { key: 'SHOP-2', title: 'x', teamKey: 'checkout', iteration: 'Iteration 1', iterationId: 'ACME' }], dependencies: [] });
    const cards = (JSON.parse(REWRITERS['baseline-body'](body, [], c)!) as { cards: { iterationId?: unknown }[] }).cards;
    expect(cards.map((card) => card.iterationId)).toEqual([7, undefined]);
  });

  it('a baseline keeps each dependency’s kind and the marks of dependencies on a team alone, known words and booleans only: the copy compares it as the original does', () => {
    const c = context();
    const body = JSON.stringify({
      cards: [],
      dependencies: [
        { key: 'D1', state: 'unplanned', kind: 'unplanned', teamAlone: true },
        { key: 'D2', state: 'ok', kind: 'ACME', teamAlone: 'ACME' },
        { key: 'D3', state: 'unplanned', kind: 'provider-cancelled', teamAlone: false },
      ],
      teamAloneKept: true,
    });
    const out = REWRITERS['baseline-body'](body, [], c)!;
    expect(out).not.toContain('ACME');
    const p = c.pseudonyms;
    expect(JSON.parse(out)).toEqual({
      cards: [],
      dependencies: [
        { key: p.of('dependency-key', 'D1'), state: 'unplanned', kind: 'unplanned', teamAlone: true },
        { key: p.of('dependency-key', 'D2'), state: 'ok' },
        { key: p.of('dependency-key', 'D3'), state: 'unplanned', kind: 'provider-cancelled', teamAlone: false },
      ],
      teamAloneKept: true,
    });
    expect(JSON.parse(REWRITERS['baseline-body'](JSON.stringify({ cards: [], dependencies: [], teamAloneKept: 'ACME' }), [], c)!)).toEqual({ cards: [], dependencies: [] });
  });

  it("meta: the copy's own name, the creation date shifted; an import's counts: numbers only", () => {
    const c = context();
    expect(REWRITERS['meta-value']('ACME portfolio', ['name'], c)).toBe('Anonymised workspace');
    expect(REWRITERS['meta-value']('2026-03-10T00:00:00.000Z', ['created_at'], c)).toBe('2026-03-03T00:00:00.000Z');
    // Another workspace, with backups of its own: never the original's identity.
    expect(REWRITERS['meta-value']('0b6c4a52-original', ['workspace_id'], c)).toBe('new-id');
    expect(REWRITERS['import-counts'](JSON.stringify({ items: 3, teams: 1, file: 'acme.csv' }), [], c)).toBe('{"items":3,"teams":1}');
  });

  it("a deck view keeps its page (in the routes' lower case) and nothing else of its address", () => {
    expect(REWRITERS['deck-address']('/flow?teams=acme-checkout')).toBe('/flow');
    expect(REWRITERS['deck-address']('/Flow?teams=acme')).toBe('/flow');
    expect(REWRITERS['deck-address']('acme')).toBe('/overview');
  });

  describe('edge cases', () => {
    it('bodies that are not JSON become empty ones, never copied as they are', () => {
      const c = context();
      expect(REWRITERS['scenario-body']('ACME {', [], c)).toBe('{"version":1,"changes":[]}');
      expect(REWRITERS['baseline-body']('null', [], c)).toBe('{"cards":[],"dependencies":[]}');
      expect(REWRITERS['import-counts']('[1,2]', [], c)).toBe('{}');
    });

    it('meta rows and settings not known are left out of the copy', () => {
      expect(ROW_FILTERS['meta-known']('name')).toBe(true);
      expect(ROW_FILTERS['meta-known']('client')).toBe(false);
      expect(ROW_FILTERS['setting-known']('coordination')).toBe(true);
      expect(ROW_FILTERS['setting-known']('notes')).toBe(false);
      expect(REWRITERS['setting-value']('{"a":1}', ['notes'], context())).toBeNull();
    });
  });
});
