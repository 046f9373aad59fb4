import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract/contract';
import { fixture, runImport } from '../import/import-support';

export interface RichWorkspace {
  dir: string;
  path: string;
  backend: Backend;
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  dispose(): void;
}

export function caller(backend: Backend) {
  return async <C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await backend.call(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
}

/**
 * A workspace holding something in every table an anonymised copy rewrites: the demo (teams, items,
 * dependencies, deployments, incidents, objectives, a planned increment), an import (import log,
 * sprints), forums with a cadence, a saved scenario, a committed baseline, settings, the metrics
 * snapshot and ANALYZE's samples.
 */
export async function richWorkspace(items = 600): Promise<RichWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-anonymise-test-'));
  const path = join(dir, 'client.interlock');
  const backend = createBackend({ log: () => undefined });
  const call = caller(backend);
  await call('workspace.createDemo', { path, items, seed: 42 });
  const { db } = backend.context.session.require();
  db.prepare("UPDATE meta SET value = 'Client Portfolio Acme' WHERE key = 'name'").run();
  const status = await runImport(backend, [fixture('jira', 'jira-all-fields.csv')]);
  if (status.state !== 'done') throw new Error(`the fixture import ended ${status.state}`);
  const teams = db.prepare('SELECT key FROM teams ORDER BY id').pluck().all() as string[];
  const dependency = db.prepare('SELECT key FROM dependencies ORDER BY id LIMIT 1').pluck().get() as string;
  await call('coordination.forums.save', { name: 'Checkout ART sync', cadence: 'Tuesdays at 10 with the Acme PMO', teamKeys: teams.slice(0, 3) });
  await call('coordination.forums.save', { name: 'Platform guild', cadence: null, teamKeys: teams.slice(3, 6) });
  await call('coordination.scenarios.save', {
    name: 'Merge basket into checkout',
    changes: [
      { kind: 'merge', teamKeys: [teams[0]!, teams[1]!], name: 'Basket and Checkout together' },
      { kind: 'move', teamKey: teams[5]!, toTeamKey: teams[2]! },
      { kind: 'resolve', dependencyKeys: [dependency] },
    ],
  });
  const settings = (await call('coordination.settings.get', {})).settings;
  await call('coordination.settings.put', { settings: { ...settings, thresholds: { ...settings.thresholds, totDependencyShare: 0.15 } } });
  await call('metrics.saveSettings', { percentileMethod: 'nearest-rank' });
  const increments = await call('plan.increments', {});
  // A client's own risk key (named after the client) and an objective made in Interlock (a counter).
  const risks = join(dir, 'acme-risks.csv');
  writeFileSync(risks, `key,title,status,scope,scope_key\nACMEBANK-PAY-7,Payments vendor slips,owned,team,${teams[0]}\n`);
  const imported = await runImport(backend, [risks]);
  if (imported.state !== 'done') throw new Error(`the risks import ended ${imported.state}`);
  await call('plan.objective.save', { increment: increments[0]!.name, title: 'Acme loyalty launch', teamKey: teams[0]!, businessValue: 8 });
  for (const increment of increments) await call('plan.baseline.commit', { incrementId: increment.id, name: `Committed ${increment.name}` });
  db.prepare("INSERT INTO meta (key, value) VALUES ('client', 'Acme Retail GmbH')").run();
  db.prepare("INSERT INTO settings (key, value) VALUES ('notes', json('\"call Ana Lima at Acme\"'))").run();
  await call('metrics.flow', {});
  db.exec('ANALYZE');
  return {
    dir,
    path,
    backend,
    call,
    dispose: () => {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
