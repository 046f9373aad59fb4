import { describe, expect, it } from 'vitest';
import { formatApart, formatPercent, formatDays, listNames } from '../../../shared/coordination/format';
import type { CueValues } from '../../../shared/coordination/group-evidence';
import { decideModel, describeCues, reasonsFor, robustnessOf, whatWouldChange } from '../../../shared/coordination/recommendation';
import { DEFAULT_COORDINATION_SETTINGS, scaleThresholds } from '../../../shared/coordination/settings';

const t = DEFAULT_COORDINATION_SETTINGS.thresholds;
const tight: CueValues = { dependencyShare: 0.23, blockedDaysPerItem: 0.8, sharedObjectives: 0.5, jointIntegration: 0.8, interfaceClarity: 0.2 };
const moderate: CueValues = { dependencyShare: 0.08, blockedDaysPerItem: 0.2, sharedObjectives: 0.1, jointIntegration: 0, interfaceClarity: 0.9 };
const loose: CueValues = { dependencyShare: 0.02, blockedDaysPerItem: 0.1, sharedObjectives: 0, jointIntegration: 0, interfaceClarity: null };

describe('decideModel', () => {
  it('chooses the lightest model whose cues are met', () => {
    expect(decideModel(tight, t, 4)).toBe('team-of-teams');
    expect(decideModel(moderate, t, 4)).toBe('scrum-of-scrums');
    expect(decideModel(loose, t, 4)).toBe('none');
  });

  it('needs all three Team-of-Teams conditions: interdependence, joint outcomes, frequent or complex integration', () => {
    expect(decideModel({ ...tight, sharedObjectives: 0.24 }, t, 4)).toBe('scrum-of-scrums');
    expect(decideModel({ ...tight, dependencyShare: 0.119 }, t, 4)).toBe('scrum-of-scrums');
    expect(decideModel({ ...tight, jointIntegration: 0.1, interfaceClarity: 0.6 }, t, 4)).toBe('scrum-of-scrums');
    // Either kind of integration is enough.
    expect(decideModel({ ...tight, jointIntegration: 0.1, interfaceClarity: 0.2 }, t, 4)).toBe('team-of-teams');
    expect(decideModel({ ...tight, jointIntegration: 0.9, interfaceClarity: 0.9 }, t, 4)).toBe('team-of-teams');
  });

  it('thresholds are inclusive for "at least" and exclusive for "below"', () => {
    expect(decideModel({ ...loose, dependencyShare: 0.05 }, t, 2)).toBe('scrum-of-scrums');
    expect(decideModel({ ...loose, blockedDaysPerItem: 0.5 }, t, 2)).toBe('scrum-of-scrums');
    expect(decideModel({ ...tight, jointIntegration: 0, interfaceClarity: 0.5 }, t, 2)).toBe('scrum-of-scrums');
  });
});

describe('reasons and what would change', () => {
  it('quote each value as the cue table shows it (the demo’s 26.1 % and 82.8 % were "26 %" and "83 %" in the reasons beside them)', () => {
    const measured: CueValues = { dependencyShare: 0.261, blockedDaysPerItem: 0.74, sharedObjectives: 0.5, jointIntegration: 0.828, interfaceClarity: 0.114 };
    const shown = new Map(describeCues(measured, t, { dependencies: 70, completed: 268, blockedDays: 198, interfaced: 8, integrations: 24, jointIntegrations: 13 }).map((c) => [c.id, c.display]));
    expect(shown.get('dependencyShare')).toBe('26.1 %');
    expect(reasonsFor('team-of-teams', measured, t)).toEqual([
      `High interdependence: cross-team dependency share ${shown.get('dependencyShare')} ≥ 12 %.`,
      `Jointly owned outcomes: shared objectives ${shown.get('sharedObjectives')} ≥ 25 %.`,
      `Frequent joint integration: joint integration ${shown.get('jointIntegration')} ≥ 50 %.`,
      `Complex integration: interface clarity ${shown.get('interfaceClarity')} < 50 %.`,
    ]);
  });

  it('quotes measured values against thresholds', () => {
    expect(reasonsFor('team-of-teams', tight, t)).toEqual([
      'High interdependence: cross-team dependency share 23 % ≥ 12 %.',
      'Jointly owned outcomes: shared objectives 50 % ≥ 25 %.',
      'Frequent joint integration: joint integration 80 % ≥ 50 %.',
      'Complex integration: interface clarity 20 % < 50 %.',
    ]);
    expect(reasonsFor('none', loose, t)).toEqual([
      'Teams barely depend on each other: cross-team dependency share 2 % < 5 %; days waited on each other per item completed 0.1 days < 0.5 days.',
    ]);
  });

  it('says which threshold crossing would lighten or deepen the model', () => {
    expect(whatWouldChange('team-of-teams', tight, t)).toEqual([
      'Below 12 % cross-team dependency share (now 23 %), Scrum of Scrums would suffice.',
      'With shared objectives below 25 % (now 50 %), Scrum of Scrums would suffice.',
      'If joint integration fell below 50 % (now 80 %) and at least 50 % of dependencies went through declared interfaces (now 20 %), Scrum of Scrums would suffice.',
    ]);
    expect(whatWouldChange('none', loose, t)).toEqual([
      'From 5 % cross-team dependency share (now 2 %) or 0.5 days waited per item (now 0.1 days), a Scrum of Scrums would be needed.',
    ]);
  });

  it('describes each cue with its value, thresholds and whether each is met', () => {
    const cues = describeCues(moderate, t, { dependencies: 16, completed: 200, blockedDays: 40, interfaced: 14, integrations: 30, jointIntegrations: 0 });
    const share = cues.find((c) => c.id === 'dependencyShare')!;
    expect(share.display).toBe('8 %');
    expect(share.detail).toBe('16 dependencies between members ÷ 200 items they completed');
    expect(share.thresholds.map((x) => [x.model, x.display, x.met])).toEqual([
      ['scrum-of-scrums', '≥ 5 %', true],
      ['team-of-teams', '≥ 12 %', false],
    ]);
    expect(cues.find((c) => c.id === 'interfaceClarity')!.thresholds[0]!.met).toBe(false);
  });

  it('a value just short of a threshold never reads as it: 299 ÷ 2,500 = 11.96 % beside "≥ 12 %: not met", and in what would change it', () => {
    const near: CueValues = { ...moderate, dependencyShare: 299 / 2500 };
    const share = describeCues(near, t, { dependencies: 299, completed: 2500, blockedDays: 40, interfaced: 14, integrations: 30, jointIntegrations: 0 }).find((c) => c.id === 'dependencyShare')!;
    expect(share.display).toBe('11.96 %');
    expect(share.thresholds.find((x) => x.model === 'team-of-teams')!.met).toBe(false);
    expect(whatWouldChange('scrum-of-scrums', near, t).join(' ')).toContain('cross-team dependency share reached 12 % (now 11.96 %)');
    // Apart from its thresholds, a value keeps its one decimal.
    expect(describeCues({ ...moderate, dependencyShare: 0.0834 }, t, { dependencies: 1, completed: 12, blockedDays: 0, interfaced: 0, integrations: 0, jointIntegrations: 0 }).find((c) => c.id === 'dependencyShare')!.display).toBe('8.3 %');
  });
});

describe('robustness under ±20 % thresholds', () => {
  it('is stable far from every threshold', () => {
    expect(robustnessOf('team-of-teams', tight, t, 4)).toMatchObject({ stable: true, variations: [] });
  });

  it('lists each move that changes the model', () => {
    const near = { ...moderate, dependencyShare: 0.055 };
    const r = robustnessOf('scrum-of-scrums', near, t, 4);
    expect(r.stable).toBe(false);
    expect(r.variations).toEqual([
      { change: 'all thresholds +20 %', model: 'none' },
      { change: 'Scrum of Scrums dependency-share threshold +20 % (6 %)', model: 'none' },
    ]);
    expect(r.summary).toBe('Sensitive: with all thresholds +20 %, No standing forum; with the Scrum of Scrums dependency-share threshold +20 % (6 %), No standing forum.');
  });

  it('scales thresholds without mutating them', () => {
    const before = structuredClone(t);
    const scaled = scaleThresholds(t, 1.2);
    expect(scaled.totDependencyShare).toBeCloseTo(0.144, 12);
    expect(scaled.sosBlockedDaysPerItem).toBeCloseTo(0.6, 12);
    expect(t).toEqual(before);
  });
});

describe('edge cases', () => {
  it('a single team is never asked to hold a forum, whatever its numbers', () => {
    expect(decideModel(tight, t, 1)).toBe('none');
  });

  it('unmeasured cues never escalate', () => {
    const unmeasured: CueValues = { dependencyShare: 0.3, blockedDaysPerItem: null, sharedObjectives: null, jointIntegration: null, interfaceClarity: null };
    expect(decideModel(unmeasured, t, 3)).toBe('scrum-of-scrums');
  });

  it('formats a value with enough decimals to keep it apart from its thresholds', () => {
    expect(formatApart(0.123, 'percent', [0.05, 0.12], 1)).toBe('12.3 %');
    expect(formatApart(0.23, 'percent', [0.05, 0.12], 1)).toBe('23 %');
    expect(formatApart(0.12, 'percent', [0.05, 0.12], 1)).toBe('12 %');
    expect(formatApart(0.1199, 'percent', [0.05, 0.12], 1)).toBe('11.99 %');
    expect(formatApart(0.4996, 'days', [0.5], 2)).toBe('0.4996 days');
    expect(formatPercent(0.125, 1)).toBe('12.5 %');
    expect(formatPercent(0.1)).toBe('10 %');
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(0.44, 2)).toBe('0.44 days');
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
