import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, dumpWorkspace, fixture, runImport, tempWorkspace, type TempWorkspace } from '../import/import-support';

// Planning from what trackers export (sprints, story points, iteration paths) and from the
// planning templates: all or nothing, every refusal with its file, line and column.

let ws: TempWorkspace;
beforeEach(async () => {
  ws = await tempWorkspace();
});
afterEach(() => ws.dispose());

const write = (name: string, text: string) => {
  const path = join(ws.dir, name);
  writeFileSync(path, text);
  return path;
};

describe('sprints and sizes from the trackers', () => {
  it('Jira CSV: the last of the repeated Sprint columns and the story point estimate land on the item', async () => {
    const status = await runImport(ws.backend, [fixture('jira', 'jira-all-fields.csv')]);
    expect(status.state).toBe('done');
    expect(db(ws).prepare(`SELECT sprint, size FROM work_items WHERE key = 'CHK-101'`).get()).toEqual({ sprint: 'Sprint 2', size: 3 });
  });

  it('Azure DevOps: the Iteration Path’s last part is the sprint; Story Points the size', async () => {
    const path = write(
      'ado.csv',
      ['ID,Work Item Type,Title,State,Area Path,Iteration Path,Story Points,Created Date', '1201,User Story,KYC upload,Active,Fabrikam\\Onboarding,Fabrikam\\2024\\Sprint 5,5,3/5/2024 2:00:00 PM'].join('\n'),
    );
    expect((await runImport(ws.backend, [path])).state).toBe('done');
    expect(db(ws).prepare(`SELECT sprint, size FROM work_items WHERE key = '1201'`).get()).toEqual({ sprint: 'Sprint 5', size: 5 });
  });

  it('Jira REST: sprint objects keep their dates, and the plan can be filled from the sprints', async () => {
    const json = {
      names: { customfield_10020: 'Sprint', customfield_10016: 'Story point estimate' },
      issues: [
        {
          key: 'PAY-7',
          fields: {
            summary: 'Refund API',
            issuetype: { name: 'Story' },
            status: { name: 'To Do', statusCategory: { key: 'new' } },
            created: '2024-03-01T09:00:00.000+0000',
            project: { key: 'PAY' },
            customfield_10016: 2,
            customfield_10020: [{ name: 'PAY Sprint 3', startDate: '2024-03-04T09:00:00.000Z', endDate: '2024-03-15T17:00:00.000Z', state: 'active' }],
          },
          changelog: { histories: [] },
        },
      ],
    };
    expect((await runImport(ws.backend, [write('jira.json', JSON.stringify(json))])).state).toBe('done');
    expect(db(ws).prepare(`SELECT sprint, size FROM work_items WHERE key = 'PAY-7'`).get()).toEqual({ sprint: 'PAY Sprint 3', size: 2 });
    expect(db(ws).prepare(`SELECT start_at, end_at FROM sprints WHERE name = 'PAY Sprint 3'`).get()).toEqual({ start_at: Date.parse('2024-03-04T09:00:00Z'), end_at: Date.parse('2024-03-15T17:00:00Z') });
    const pi = await ws.backend.call('plan.increment.save', { name: 'PI 24.2', start: '2024-03-04', end: '2024-04-28' });
    if (!pi.ok) throw new Error(pi.error.message);
    await ws.backend.call('plan.iteration.save', { incrementId: pi.value.id, name: 'PAY Sprint 3', start: '2024-03-04', end: '2024-03-15', teamKey: null });
    // Items of a sprint of the same name two years before, one done then and one cancelled, and one
    // in this year's sprint but cancelled: none is this plan's work.
    const d = db(ws);
    const teamId = d.prepare("SELECT team_id FROM work_items WHERE key = 'PAY-7'").pluck().get();
    const insert = d.prepare("INSERT INTO work_items (key, title, type, team_id, status, status_category, created_at, done_at, sprint) VALUES (?, ?, 'story', ?, ?, ?, ?, ?, ?)");
    insert.run('OLD-1', 'Done long ago', teamId, 'Done', 'done', Date.UTC(2022, 0, 3), Date.UTC(2022, 0, 20), 'PAY Sprint 3');
    insert.run('OLD-2', 'Dropped', teamId, "Won't Do", 'cancelled', Date.UTC(2024, 2, 1), Date.UTC(2024, 2, 5), 'PAY Sprint 3');
    const filled = await ws.backend.call('plan.fromSprints', { incrementId: pi.value.id });
    expect(filled.ok && filled.value.planned).toBe(1);
    const board = await ws.backend.call('plan.board', { increment: 'PI 24.2', grouping: 'value-stream' });
    expect(board.ok && board.value.cells.flatMap((c) => c.cards.map((k) => [k.key, k.size]))).toEqual([['PAY-7', 2]]);
  });
});

describe('planning templates', () => {
  beforeEach(async () => {
    await runImport(ws.backend, ['teams', 'items'].map((n) => fixture('interlock', `interlock-${n}.csv`)));
  });

  it('a row naming an iteration or an item that does not exist is rejected with its line and column; the other rows import', async () => {
    const increments = write('increments.csv', 'name,start,end\nPI 24.2,2024-03-04,2024-04-28\n');
    const iterations = write('iterations.csv', 'increment,name,start,end,team\nPI 24.2,Iteration 1,2024-03-04,2024-03-17,\n');
    const plan = write('plan.csv', 'increment,iteration,team,item,size\nPI 24.2,Iteration 1,checkout,CHK-1,3\nPI 24.2,Iteration 9,checkout,CHK-2,\nPI 24.2,Iteration 1,checkout,NOPE-1,\n');
    const preview = await runImport(ws.backend, [plan, iterations, increments], 'preview');
    expect(preview.report!.rejectedRows).toBe(2);
    const status = await runImport(ws.backend, [plan, iterations, increments]);
    expect(status.state).toBe('done');
    expect(status.report!.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'plan.csv', line: 3, column: 'iteration', value: 'Iteration 9', code: 'invalid-reference' }),
        expect.objectContaining({ file: 'plan.csv', line: 4, column: 'item', value: 'NOPE-1', code: 'invalid-reference' }),
      ]),
    );
    const board = await ws.backend.call('plan.board', { increment: 'PI 24.2', grouping: 'value-stream' });
    expect(board.ok && board.value.cells.flatMap((c) => c.cards.map((k) => k.key))).toEqual(['CHK-1']);
  });

  it('a refusal at write time (iterations that overlap) names the file and line, and rolls everything back', async () => {
    const before = dumpWorkspace(db(ws));
    const increments = write('increments.csv', 'name,start,end\nPI 24.2,2024-03-04,2024-04-28\n');
    const iterations = write('iterations.csv', 'increment,name,start,end,team\nPI 24.2,Iteration 1,2024-03-04,2024-03-17,\nPI 24.2,Iteration 2,2024-03-10,2024-03-31,\n');
    const status = await runImport(ws.backend, [increments, iterations]);
    expect(status.state).toBe('failed');
    expect(status.error!.message).toContain('iterations.csv, line 3: Iteration 2 (2024-03-10 – 2024-03-31) overlaps Iteration 1');
    expect(dumpWorkspace(db(ws))).toBe(before);
  });

  it('a bundle’s plan row naming an item or an increment that does not exist refuses the whole bundle, naming its place and field, in the preview as in the import', async () => {
    const before = dumpWorkspace(db(ws));
    const bundle = write(
      'bundle.json',
      JSON.stringify({
        increments: [{ name: 'PI 24.2', start: '2024-03-04', end: '2024-04-28' }],
        iterations: [{ increment: 'PI 24.2', name: 'Iteration 1', start: '2024-03-04', end: '2024-03-17' }],
        plan: [
          { increment: 'PI 24.2', iteration: 'Iteration 1', team: 'checkout', item: 'CHK-1' },
          { increment: 'PI 24.2', iteration: 'Iteration 1', team: 'checkout', item: 'NOPE-1' },
          { increment: 'PI 99.9', iteration: 'Iteration 1', team: 'checkout', item: 'CHK-2' },
        ],
      }),
    );
    const preview = await runImport(ws.backend, [bundle], 'preview');
    expect(preview.report!.issues.map((i) => [i.file, i.line, i.column, i.value])).toEqual([
      ['bundle.json', null, 'plan[1].item', 'NOPE-1'],
      ['bundle.json', null, 'plan[2].increment', 'PI 99.9'],
    ]);
    expect(preview.report!.refusal).toMatch(/^bundle\.json, plan\[1\]\.item: Item NOPE-1 is neither .* bundle\.json, plan\[2\]\.increment: There is no increment "PI 99\.9"/);
    const status = await runImport(ws.backend, [bundle]);
    expect(status.state).toBe('failed');
    expect(status.error!.message).toContain('Nothing was imported: bundle.json, plan[1].item: Item NOPE-1 is neither in this import nor in the workspace');
    expect(dumpWorkspace(db(ws))).toBe(before);
  });

  it('a refusal at write time of a bundle’s row names its place in the file', async () => {
    const bundle = write(
      'bundle.json',
      JSON.stringify({
        increments: [{ name: 'PI 24.2', start: '2024-03-04', end: '2024-04-28' }],
        iterations: [
          { increment: 'PI 24.2', name: 'Iteration 1', start: '2024-03-04', end: '2024-03-17' },
          { increment: 'PI 24.2', name: 'Iteration 2', start: '2024-03-10', end: '2024-03-31' },
        ],
      }),
    );
    const status = await runImport(ws.backend, [bundle]);
    expect(status.state).toBe('failed');
    expect(status.error!.message).toContain('bundle.json, iterations[1]: Iteration 2 (2024-03-10 – 2024-03-31) overlaps Iteration 1');
  });

  it('a bundle and templates that name each other’s increment and iterations: the same plan whichever file comes first, in the preview as in the import', async () => {
    // The bundle's card, capacity and milestone name the increment and Iteration 1 the templates
    // declare; the templates' card names the bundle's Iteration 2.
    const files = [
      write(
        'bundle.json',
        JSON.stringify({
          iterations: [{ increment: 'PI 24.3', name: 'Iteration 2', start: '2024-05-20', end: '2024-06-02' }],
          capacity: [{ increment: 'PI 24.3', iteration: 'Iteration 1', team: 'checkout', amount: 4 }],
          milestones: [{ increment: 'PI 24.3', name: 'Go-live', date: '2024-05-25' }],
          plan: [{ increment: 'PI 24.3', iteration: 'Iteration 1', team: 'checkout', item: 'CHK-1', size: 3 }],
        }),
      ),
      write('increments.csv', 'name,start,end\nPI 24.3,2024-05-06,2024-06-30\n'),
      write('iterations.csv', 'increment,name,start,end,team\nPI 24.3,Iteration 1,2024-05-06,2024-05-19,\n'),
      write('plan.csv', 'increment,iteration,team,item,size\nPI 24.3,Iteration 2,platform,PLT-1,2\n'),
      write('objectives.csv', 'key,title,level,teams,increment,business_value,committed\nOBJ-9,Pay in one page,team,checkout,PI 24.3,5,yes\n'),
    ];
    const planOf = (w: TempWorkspace) => ({
      iterations: db(w).prepare('SELECT c.name AS increment, i.name, i.start_at, i.end_at FROM iterations i JOIN increments c ON c.id = i.increment_id ORDER BY i.start_at').all(),
      cards: db(w).prepare('SELECT w.key, t.key AS team, i.name AS iteration, p.size FROM planned_items p JOIN work_items w ON w.id = p.item_id JOIN teams t ON t.id = p.team_id JOIN iterations i ON i.id = p.iteration_id ORDER BY w.key').all(),
      capacity: db(w).prepare('SELECT t.key AS team, i.name AS iteration, c.amount FROM capacity c JOIN teams t ON t.id = c.team_id JOIN iterations i ON i.id = c.iteration_id').all(),
      milestones: db(w).prepare('SELECT name, at FROM milestones').all(),
      objectives: db(w).prepare('SELECT o.key, c.name AS increment FROM objectives o JOIN increments c ON c.id = o.increment_id').all(),
    });
    const other = await tempWorkspace();
    try {
      await runImport(other.backend, ['teams', 'items'].map((n) => fixture('interlock', `interlock-${n}.csv`)));
      const plans = [];
      for (const [w, order] of [[ws, files], [other, [...files].reverse()]] as const) {
        const preview = await runImport(w.backend, [...order], 'preview');
        expect(preview.report!.issues).toEqual([]);
        expect(preview.report!.refusal).toBeNull();
        // Each row counted in its own file: the bundle's four, the templates' one each.
        expect(Object.fromEntries(preview.report!.files.map((f) => [f.name, f.counts.plans + f.counts.objectives]))).toEqual({ 'bundle.json': 4, 'increments.csv': 1, 'iterations.csv': 1, 'plan.csv': 1, 'objectives.csv': 1 });
        const status = await runImport(w.backend, [...order]);
        expect(status.error).toBeNull();
        expect(status.state).toBe('done');
        expect(status.report!.counts).toEqual(preview.report!.counts);
        plans.push(planOf(w));
      }
      expect(plans[0]).toEqual({
        iterations: [
          { increment: 'PI 24.3', name: 'Iteration 1', start_at: Date.UTC(2024, 4, 6), end_at: Date.UTC(2024, 4, 20) },
          { increment: 'PI 24.3', name: 'Iteration 2', start_at: Date.UTC(2024, 4, 20), end_at: Date.UTC(2024, 5, 3) },
        ],
        cards: [
          { key: 'CHK-1', team: 'checkout', iteration: 'Iteration 1', size: 3 },
          { key: 'PLT-1', team: 'platform', iteration: 'Iteration 2', size: 2 },
        ],
        capacity: [{ team: 'checkout', iteration: 'Iteration 1', amount: 4 }],
        milestones: [{ name: 'Go-live', at: Date.UTC(2024, 4, 25) }],
        objectives: [{ key: 'OBJ-9', increment: 'PI 24.3' }],
      });
      expect(plans[1]).toEqual(plans[0]);
    } finally {
      other.dispose();
    }
  });

  describe('edge cases', () => {
    it('bad cells: a last day before the first, business value 11, a capacity that is not a number', async () => {
      const increments = write('increments.csv', 'name,start,end\nPI 24.2,2024-04-28,2024-03-04\n');
      const objectives = write('objectives.csv', 'key,title,level,increment,business_value\nO-1,Faster,team,PI 24.2,11\n');
      const capacity = write('capacity.csv', 'increment,iteration,team,amount\nPI 24.2,Iteration 1,checkout,lots\n');
      const status = await runImport(ws.backend, [increments, objectives, capacity]);
      expect(status.state).toBe('failed');
      const where = status.report!.issues.map((i) => [i.file, i.line, i.column]);
      expect(where).toEqual(expect.arrayContaining([['increments.csv', 2, 'end'], ['objectives.csv', 2, 'business_value']]));
    });

    it('a re-import of the same planning templates updates them by name and never duplicates', async () => {
      const files = ['increments', 'iterations', 'capacity', 'milestones', 'plan'].map((n) => fixture('interlock', `interlock-${n}.csv`));
      await runImport(ws.backend, files);
      const first = dumpWorkspace(db(ws), { skip: ['imports'] });
      const again = await runImport(ws.backend, files);
      expect(again.report!.added).toMatchObject({ plans: 0 });
      expect(dumpWorkspace(db(ws), { skip: ['imports'] })).toBe(first);
    });
  });
});
