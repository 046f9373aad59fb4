import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadParents, loadRecordedEvidence, loadReleaseIntegrations } from '../../../electron/backend/coordination/coordination-queries';
import { recommendationJson } from '../../../electron/cli/commands/recommend-command';
import type { CoordinationReport, GroupRecommendation } from '../../../shared/coordination/report-schema';
import { db, fixture, runImport, tempWorkspace, type TempWorkspace } from '../import/import-support';

// The tracker's own evidence, end to end: a plain Jira CSV export (and the same portfolio as an
// Azure DevOps query plus its links) of seven teams, with no objectives, no deployments and no
// status history. The fixtures (tests/fixtures/import/jira/jira-coordination.csv,
// ado/ado-coordination-*.csv) hold, all created 15 Sep 2026 and done in Oct–Nov 2026:
//   - Alpha, Beta, Gamma: 15 done stories each; 12 of each under the shared epic ALP-1, 3 under
//     the team's own epic (ALP-2, BET-2, GAM-2); stories 10–16 ship in "Checkout 2026.10"
//     (ALP-10 also in 2026.11), 17–24 in "Checkout 2026.11"; GAM-25 is still open in "Checkout
//     2026.12". 21 dependencies among them, 7 per pair: ALP-1x waits on BET, BET on GAM, GAM on ALP.
//   - Delta, Echo: 10 done stories each under their own epic, in their own releases (Delta 1/2,
//     Echo 1/2); 2 dependencies between them.
//   - Fox, Golf: 15 done stories each under their own epic, in their own release; 1 dependency.
// In Azure DevOps the releases are the release nodes of the Iteration Path (Shop\Release 2026.10\…).

let ws: TempWorkspace;
beforeEach(async () => {
  ws = await tempWorkspace();
});
afterEach(() => ws.dispose());

async function recommend(): Promise<CoordinationReport> {
  const result = await ws.backend.call('coordination.recommend', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const groupWith = (report: CoordinationReport, team: string): GroupRecommendation => report.groups.find((g) => g.teamKeys.includes(team))!;
const cue = (g: GroupRecommendation, id: string) => g.cues.find((c) => c.id === id)!;

/** Pair coupling with dependencies, objectives and integration measured (weights 0.3, 0.2, 0.2 rescaled over 0.7). */
const coupling = (dependencies: number, objectives: number, integration: number) => (0.3 * dependencies + 0.2 * objectives + 0.2 * integration) / 0.7;

function expectAdvice(report: CoordinationReport): void {
  expect(report.recorded).toMatchObject({ statusHistory: false, interfaces: false, integration: false, objectives: false, parents: true, releases: true });

  const trio = groupWith(report, 'Alpha');
  expect(trio.teamKeys).toEqual(['Alpha', 'Beta', 'Gamma']);
  expect(trio.model).toBe('team-of-teams');
  expect(cue(trio, 'dependencyShare').value).toBeCloseTo(21 / 45, 12);
  // Each pair shares ALP-1 out of the three parents they have between them: 1/3.
  expect(cue(trio, 'sharedObjectives')).toMatchObject({ source: 'parents' });
  expect(cue(trio, 'sharedObjectives').value).toBeCloseTo(1 / 3, 12);
  expect(cue(trio, 'jointIntegration')).toMatchObject({ source: 'releases', value: 1 });
  expect(cue(trio, 'blockedDaysPerItem')).toMatchObject({ source: null, value: null });
  // Each pair: 7 dependencies over 30 items saturates the dependency component.
  expect(trio.coupling).toBeCloseTo(coupling(1, 1 / 3, 1), 12);
  expect(trio.reasons).toEqual([
    'High interdependence: cross-team dependency share 46.7 % ≥ 12 %.',
    'Jointly owned outcomes (from shared epics: 1 of 4 parents of their items hold work of two or more members; the figure is each pair of members’ overlap, averaged): shared objectives 33.3 % ≥ 25 %.',
    'Frequent joint integration (from releases: 2 of 2 releases ship work of two or more members; the figure is each member’s share, averaged): joint integration 100 % ≥ 50 %.',
  ]);
  expect(trio.evidence).toMatchObject({ measuredCues: 3, cues: 5, dependencies: 21, items: 45, days: 90, minimumDependencies: 20, unmeasuredThatMatter: [], toFirmUp: [] });
  expect(trio.robustness.level).toBe('robust');

  const pair = groupWith(report, 'Delta');
  expect(pair.teamKeys).toEqual(['Delta', 'Echo']);
  expect(pair.model).toBe('scrum-of-scrums');
  expect(cue(pair, 'dependencyShare').value).toBeCloseTo(2 / 20, 12);
  expect(cue(pair, 'sharedObjectives')).toMatchObject({ source: 'parents', value: 0 });
  expect(cue(pair, 'jointIntegration')).toMatchObject({ source: 'releases', value: 0 });
  expect(pair.coupling).toBeCloseTo(coupling(1, 0, 0), 12);
  // Two dependencies are too few to call it robust, though no threshold move changes it.
  expect(pair.robustness).toMatchObject({ stable: true, level: 'provisional' });
  expect(pair.evidence).toMatchObject({ dependencies: 2, items: 20, unmeasuredThatMatter: [] });
  expect(pair.robustness.summary).toBe(
    'Provisional: Scrum of Scrums on only 2 dependencies between members in 90 days (robust advice needs at least 20). To firm it up, import a longer export, or more of the teams’ dependency links.',
  );

  const apart = groupWith(report, 'Fox');
  expect(apart.teamKeys).toEqual(['Fox', 'Golf']);
  expect(apart.model).toBe('none');
  expect(cue(apart, 'dependencyShare').value).toBeCloseTo(1 / 30, 12);
  expect(apart.coupling).toBeCloseTo(coupling(1 / 3, 0, 0), 12);
  // Without status history, days waited could still call for a Scrum of Scrums.
  expect(apart.robustness.level).toBe('provisional');
  expect(apart.evidence.unmeasuredThatMatter).toEqual(['blockedDaysPerItem']);

  // One group each: nothing links the three clusters.
  expect(report.groups).toHaveLength(3);
}

describe('coordination advice from a tracker export', () => {
  it('Jira CSV: epics and Fix Version/s give a coupled trio Team-of-Teams, a pair Scrum of Scrums, independent teams no forum', async () => {
    const status = await runImport(ws.backend, [fixture('jira', 'jira-coordination.csv')]);
    expect(status.state).toBe('done');
    expect(status.report!.counts).toMatchObject({ items: 104, dependencies: 24, releases: 9 });
    const report = await recommend();
    expectAdvice(report);

    // Releases shipped when the last of their items was done (the CSV has no release date); one with open work has not shipped.
    const range = { from: 0, to: Date.UTC(2027, 0, 1) };
    expect(loadReleaseIntegrations(db(ws), range).filter((e) => e.key.startsWith('release:Checkout'))).toEqual([
      { key: 'release:Checkout 2026.10', at: Date.UTC(2026, 9, 19, 17), teamKeys: ['Alpha', 'Beta', 'Gamma'] },
      { key: 'release:Checkout 2026.11', at: Date.UTC(2026, 10, 8, 17), teamKeys: ['Alpha', 'Beta', 'Gamma'] },
    ]);
    expect(loadParents(db(ws), range).find((p) => p.key === 'ALP-1')).toEqual({ key: 'ALP-1', teamKeys: ['Alpha', 'Beta', 'Gamma'] });
    expect(db(ws).prepare(`SELECT r.name FROM item_releases ir JOIN releases r ON r.id = ir.release_id JOIN work_items w ON w.id = ir.item_id WHERE w.key = 'ALP-10' ORDER BY 1`).pluck().all()).toEqual([
      'Checkout 2026.10',
      'Checkout 2026.11',
    ]);

    // The CLI's JSON names each cue's source and the confidence.
    const json = recommendationJson(report);
    const trio = json.groups.find((g) => g.teams.includes('Alpha'))!;
    expect(trio.cues.map((c) => [c.id, c.source])).toEqual([
      ['dependencyShare', 'dependencies'],
      ['blockedDaysPerItem', null],
      ['sharedObjectives', 'parents'],
      ['jointIntegration', 'releases'],
      ['interfaceClarity', null],
    ]);
    expect(trio.confidence).toBe('robust');
    expect(json.groups.find((g) => g.teams.includes('Delta'))!.confidence).toBe('provisional');
  });

  it('Azure DevOps: Parent and the Iteration Path’s release nodes give the same advice', async () => {
    const status = await runImport(ws.backend, [fixture('ado', 'ado-coordination-items.csv'), fixture('ado', 'ado-coordination-links.csv')]);
    expect(status.state).toBe('done');
    expect(status.report!.counts).toMatchObject({ items: 104, dependencies: 24, releases: 9 });
    expect(db(ws).prepare('SELECT name FROM releases ORDER BY name').pluck().all()).toEqual([
      'Shop\\Delta Release 1',
      'Shop\\Delta Release 2',
      'Shop\\Echo Release 1',
      'Shop\\Echo Release 2',
      'Shop\\Fox Release 1',
      'Shop\\Golf Release 1',
      'Shop\\Release 2026.10',
      'Shop\\Release 2026.11',
      'Shop\\Release 2026.12',
    ]);
    expectAdvice(await recommend());
  });

  describe('edge cases', () => {
    it('deployments that say what they shipped take precedence over releases, so one train never counts twice', async () => {
      await runImport(ws.backend, [fixture('jira', 'jira-coordination.csv')]);
      db(ws).prepare(`INSERT INTO deployments (key, at, succeeded, release) VALUES ('D-1', ?, 1, 'Checkout 2026.10')`).run(Date.UTC(2026, 9, 20));
      expect(loadRecordedEvidence(db(ws))).toMatchObject({ integration: true, releases: true });
      const report = await recommend();
      // The deployment holds no team's work: joint integration now reads deployments, not the
      // releases, and no member integrates there: not measured (0 of 0), not a measured 0 %.
      expect(cue(groupWith(report, 'Alpha'), 'jointIntegration')).toMatchObject({ value: null });
      expect(cue(groupWith(report, 'Alpha'), 'jointIntegration').source).not.toBe('releases');
      expect(groupWith(report, 'Alpha').model).toBe('scrum-of-scrums');
    });

    it('a re-import without the Fix Version/s column keeps an item’s releases; one with the column empty drops them', async () => {
      await runImport(ws.backend, [fixture('jira', 'jira-coordination.csv')]);
      const releasesOf = (key: string) =>
        db(ws).prepare(`SELECT r.name FROM item_releases ir JOIN releases r ON r.id = ir.release_id JOIN work_items w ON w.id = ir.item_id WHERE w.key = ? ORDER BY 1`).pluck().all(key);
      expect(db(ws).prepare('SELECT count(*) FROM item_releases').pluck().get()).toBe(104 - 8 + 1); // every item but the 8 epics, ALP-10 twice
      const write = (name: string, text: string) => {
        const path = join(ws.dir, name);
        writeFileSync(path, text);
        return path;
      };
      const header = 'Summary,Issue key,Issue Type,Status,Created,Resolved,Custom field (Team)';
      const row = 'Alpha story 10,ALP-10,Story,Done,15/Sep/26 9:00 AM,01/Oct/26 5:00 PM,Alpha';
      await runImport(ws.backend, [write('silent.csv', `${header}\n${row}\n`)]);
      expect(releasesOf('ALP-10')).toEqual(['Checkout 2026.10', 'Checkout 2026.11']);
      await runImport(ws.backend, [write('emptied.csv', `${header},Fix Version/s\n${row},\n`)]);
      expect(releasesOf('ALP-10')).toEqual([]);
      // The releases themselves stay: other items still ship in them.
      expect(releasesOf('ALP-11')).toEqual(['Checkout 2026.10']);
    });
  });
});
