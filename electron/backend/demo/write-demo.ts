import type { Database } from 'better-sqlite3';
import type { EntityCounts } from '../../../shared/domain/entities';
import { recordSourceStatusCategory, writePortfolio } from '../store/queries/portfolio-writes';
import { DEMO_END_MS, generateDemoPortfolio, type DemoPortfolioOptions } from './demo-portfolio';
import { writeDemoPlan } from './demo-plan';
import { writeDemoRoom } from './demo-room';

/** The demo's workflow, stated the way an export would state it. */
const DEMO_STATUSES = [
  ['To Do', 'todo'],
  ['In Progress', 'active'],
  ['In Review', 'active'],
  ['Testing', 'active'],
  ['Ready for Test', 'waiting'],
  ['Blocked', 'waiting'],
  ['Done', 'done'],
  ["Won't Do", 'cancelled'],
] as const;

/** Writes the deterministic demo portfolio, its plan and its PI planning room in one transaction. */
export function writeDemoPortfolio(db: Database, options: DemoPortfolioOptions): EntityCounts {
  const portfolio = generateDemoPortfolio(options);
  return db.transaction(() => {
    for (const [status, category] of DEMO_STATUSES) recordSourceStatusCategory(db, status, category);
    const counts = writePortfolio(db, portfolio);
    writeDemoPlan(db, { seed: options.seed, endMs: options.endMs ?? DEMO_END_MS });
    writeDemoRoom(db, { endMs: options.endMs ?? DEMO_END_MS });
    return counts;
  })();
}
