import { describe, expect, it } from 'vitest';
import { documentTitle, menuTarget, pageOf, parseViewMemory, rememberView } from '../../../renderer/src/layout/navigation';
import { applyParams, formatAddress, normalizeAddress, parseAddress, parseViewParams, withViewParams } from '../../../renderer/src/layout/view-address';
import { suggestPath } from '../../../renderer/src/workspace/workspace-actions';

const PAGES = [
  { id: 'overview', label: 'Overview' },
  { id: 'coordination', label: 'Coordination' },
  { id: 'flow', label: 'Flow', shares: 'scope' },
  { id: 'delivery', label: 'Delivery', shares: 'scope' },
];

describe('view addresses', () => {
  it('reads the page and its parameters from any form people paste', () => {
    for (const text of ['#/coordination?tab=map&window=60', '/coordination?window=60&tab=map', 'coordination?tab=map&window=60', 'http://127.0.0.1:5417/#/coordination?tab=map&window=60', 'app://interlock/index.html#/coordination?tab=map&window=60']) {
      const a = parseAddress(text);
      expect(a.page, text).toBe('coordination');
      expect(a.params.toString(), text).toBe('tab=map&window=60');
    }
  });

  it('writes one address per view: keys sorted, repeated keys in their order, values encoded', () => {
    expect(formatAddress('flow', new URLSearchParams('to=2026-10-31&teams=b&from=2026-08-01&teams=a'))).toBe('/flow?from=2026-08-01&teams=b&teams=a&to=2026-10-31');
    expect(formatAddress('plan', new URLSearchParams({ increment: 'PI 26.4' }))).toBe('/plan?increment=PI+26.4');
    expect(formatAddress('overview')).toBe('/overview');
    const a = parseAddress(formatAddress('flow', new URLSearchParams([['streams', 'Payments, Risk & Fraud'], ['teams', 'a']])));
    expect(a.params.getAll('streams')).toEqual(['Payments, Risk & Fraud']);
  });

  it('a patch sets single values and lists, and removes what is null, empty or an empty list', () => {
    const p = applyParams(new URLSearchParams('tab=map&teams=a&window=60'), { tab: null, teams: ['b', 'c'], window: '', focus: 'CHK-1', gone: [] });
    expect(p.toString()).toBe('focus=CHK-1&teams=b&teams=c');
    expect(parseViewParams('#/flow?teams=a&teams=b')).toEqual({ teams: 'a' });
    expect(withViewParams('#/coordination', { tab: 'map' })).toBe('#/coordination?tab=map');
  });

  it('the page an address names, and the document title of a view', () => {
    expect(pageOf(PAGES, '/flow?teams=a')?.id).toBe('flow');
    expect(pageOf(PAGES, '#/coordination/group-2')?.id).toBe('coordination');
    expect(documentTitle('Coordination', 'Coupling map')).toBe('Coordination: Coupling map – Interlock');
    expect(documentTitle('Overview', null)).toBe('Overview – Interlock');
  });

  it('the menu returns to the view last seen on a page; Flow and Delivery share theirs', () => {
    let memory = rememberView({}, PAGES, '/coordination?tab=map');
    memory = rememberView(memory, PAGES, '/flow?teams=a&type=story');
    expect(menuTarget(memory, PAGES[1]!)).toBe('/coordination?tab=map');
    expect(menuTarget(memory, PAGES[3]!)).toBe('/delivery?teams=a&type=story');
    expect(menuTarget(memory, PAGES[0]!)).toBe('/overview');
    expect(parseViewMemory(JSON.stringify(memory))).toEqual(memory);
  });

  describe('edge cases', () => {
    it('empty, unknown and odd addresses', () => {
      expect(parseAddress('')).toMatchObject({ page: '' });
      expect(parseAddress('#/')).toMatchObject({ page: '' });
      expect(pageOf(PAGES, '#/leaderboard')).toBeUndefined();
      expect(pageOf(PAGES, '#/__proto__')).toBeUndefined();
      expect(pageOf(PAGES, '#/%E0%A4%A')).toBeUndefined();
      // A link without a '#' is the app's start page, whatever its path.
      expect(parseAddress('https://example.com/flow?x=1')).toMatchObject({ page: '' });
      expect(parseAddress('#/flow?a=%zz').params.get('a')).toBe('%zz');
      expect(documentTitle(undefined, '  ')).toBe('Interlock');
    });

    it('pasted links become addresses inside the app; anything else is kept for the deck’s check to refuse', () => {
      expect(normalizeAddress(' http://127.0.0.1:5417/?token=x#/coordination?window=60&tab=map ')).toBe('/coordination?tab=map&window=60');
      expect(normalizeAddress('#/flow')).toBe('/flow');
      expect(normalizeAddress('/teams?team=CHK')).toBe('/teams?team=CHK');
      expect(normalizeAddress('https://example.com/')).toBe('/');
      expect(normalizeAddress('flow')).toBe('flow');
    });

    it('a visit to no known page leaves the memory as it was; a stored memory of the wrong shape is empty', () => {
      const memory = rememberView({}, PAGES, '/flow?teams=a');
      expect(rememberView(memory, PAGES, '/nowhere?x=1')).toBe(memory);
      expect(parseViewMemory('{nonsense')).toEqual({});
      expect(parseViewMemory('[1,2]')).toEqual({});
      expect(parseViewMemory(JSON.stringify({ flow: 'teams=a', bad: 3 }))).toEqual({ flow: 'teams=a' });
    });
  });
});

describe('workspace path helpers', () => {
  it('suggests a sibling of the current workspace', () => {
    expect(suggestPath('/home/ana/art.interlock', 'saveAs')).toBe('/home/ana/art-copy.interlock');
    expect(suggestPath('/home/ana/art.interlock', 'new')).toBe('/home/ana/new-workspace.interlock');
    expect(suggestPath('/home/ana/art.interlock', 'open')).toBe('/home/ana/art.interlock');
  });

  describe('edge cases', () => {
    it('works with Windows paths and with no current workspace', () => {
      expect(suggestPath('C:\\Users\\ana\\art.interlock', 'saveAs')).toBe('C:\\Users\\ana\\art-copy.interlock');
      expect(suggestPath(undefined, 'new')).toBe('');
    });
  });
});
