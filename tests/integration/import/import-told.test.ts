import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJobStatus } from '../../../shared/contract/import-channels';
import { db, runImport, tempWorkspace, type TempWorkspace } from './import-support';

// What an import would once take without a word, and now says — what, in which file, line and
// column — while it imports everything it did before.

let ws: TempWorkspace;
beforeEach(async () => {
  ws = await tempWorkspace();
});
afterEach(() => ws.dispose());

const CREATED = '2024-03-01T09:00:00Z';
const ITEMS = 'key,title,type,team,status,created_at';

function write(name: string, lines: string[]): string {
  const path = join(ws.dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function writeJson(name: string, value: unknown): string {
  const path = join(ws.dir, name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

const itemRow = (key: string, title = key) => `${key},${title},story,checkout,To Do,${CREATED}`;

/** A Jira issue as the REST search answer gives it, with `fields` added. */
const jiraIssue = (key: string, fields: Record<string, unknown> = {}) => ({
  key,
  fields: { summary: key, issuetype: { name: 'Story' }, status: { name: 'To Do', statusCategory: { key: 'new', name: 'To Do' } }, created: '2024-03-01T09:00:00.000+0000', ...fields },
});

/** The warnings of one code: file, line, column, value, message. */
function told(status: ImportJobStatus, code: string): (string | number | null)[][] {
  return status.report!.issues.filter((i) => i.code === code).map((i) => [i.file, i.line, i.column, i.value, i.message]);
}

const storedItems = () => db(ws).prepare('SELECT key, title FROM work_items ORDER BY key').raw().all();

describe('an item key given twice', () => {
  it('is warned at the later row, naming the row it repeats, in its file or another; the last row wins and the item counts once', async () => {
    const first = write('items.csv', [ITEMS, itemRow('PAY-12', 'first'), itemRow('PAY-13'), itemRow('PAY-12', 'second')]);
    const second = write('more-items.csv', [ITEMS, itemRow('PAY-14'), itemRow('PAY-12', 'third')]);
    for (const mode of ['preview', 'import'] as const) {
      const status = await runImport(ws.backend, [first, second], mode);
      expect(told(status, 'duplicate-key')).toEqual([
        ['items.csv', 4, 'Key', 'PAY-12', 'Item PAY-12 appears more than once in this import (also at items.csv, line 2); the last row wins.'],
        ['more-items.csv', 3, 'Key', 'PAY-12', 'Item PAY-12 appears more than once in this import (also at items.csv, line 4); the last row wins.'],
      ]);
      expect(status.report!.counts.items).toBe(3);
    }
    expect(storedItems()).toEqual([
      ['PAY-12', 'third'],
      ['PAY-13', 'PAY-13'],
      ['PAY-14', 'PAY-14'],
    ]);
  });

  describe('edge cases', () => {
    it("in JSON: a bundle's item is named by its place in the bundle, a Jira page's by its file", async () => {
      const bundleItem = (key: string, title: string) => ({ key, title, type: 'story', teamKey: null, status: 'To Do', statusCategory: 'todo', createdAt: CREATED, firstActiveAt: null, doneAt: null, parentKey: null, objectiveKeys: [] });
      const bundle = writeJson('bundle.json', { items: [bundleItem('B-1', 'first'), bundleItem('B-2', 'two'), bundleItem('B-1', 'second')] });
      const page1 = writeJson('page1.json', { issues: [jiraIssue('J-1')] });
      const page2 = writeJson('page2.json', { issues: [jiraIssue('J-1')] });
      const status = await runImport(ws.backend, [bundle, page1, page2]);
      expect(told(status, 'duplicate-key')).toEqual([
        ['bundle.json', null, 'Key', 'B-1', 'Item B-1 appears more than once in this import (also at bundle.json, items[0]); the last row wins.'],
        ['page2.json', null, 'Key', 'J-1', 'Item J-1 appears more than once in this import (also in page1.json); the last row wins.'],
      ]);
      expect(storedItems()).toEqual([
        ['B-1', 'second'],
        ['B-2', 'two'],
        ['J-1', 'J-1'],
      ]);
    });

    it('keys that differ in case are not repeats, and a key the workspace holds is an update, not a repeat', async () => {
      await runImport(ws.backend, [write('before.csv', [ITEMS, itemRow('PAY-1')])]);
      const status = await runImport(ws.backend, [write('items.csv', [ITEMS, itemRow('PAY-1', 'again'), itemRow('PAY-2'), itemRow('Pay-2')])]);
      expect(told(status, 'duplicate-key')).toEqual([]);
      expect(status.report!.counts.items).toBe(3);
    });
  });
});
