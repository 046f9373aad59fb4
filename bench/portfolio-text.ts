import {
  DEPLOYMENTS_PER_TEAM,
  INTERLOCK_TYPE,
  JIRA_TYPES,
  STATUSES,
  TEAMS_PER_CLUSTER,
  TRANSITIONS_PER_ITEM,
  clusterOf,
  createdAt,
  dependencyCreatedAt,
  dependencyResolvedAt,
  finalStatus,
  finishedAt,
  itemKey,
  projectKey,
  teamKey,
  type SyntheticPortfolio,
} from './synthetic-portfolio';

// A synthetic portfolio as the text of the files a consultant would bring: the Interlock CSV
// templates (docs/IMPORT.md) and Jira's REST search answer with expand=changelog. Each file is a
// generator of text chunks, so the largest size streams to disk without being held whole.

const iso = (ms: number) => new Date(ms).toISOString();
/** Jira writes offsets without a colon: 2026-03-01T09:00:00.000+0000. */
const jiraTime = (ms: number) => `${iso(ms).slice(0, -1)}+0000`;
const CHUNK_ROWS = 5_000;

export const CSV_FILES = ['teams', 'objectives', 'items', 'transitions', 'dependencies', 'deployments'] as const;
export type CsvFile = (typeof CSV_FILES)[number];

export function csvFileName(file: CsvFile): string {
  return `interlock-${file}.csv`;
}

export function valueStreamOf(team: number): string {
  return `Value stream ${Math.floor(clusterOf(team) / 4) + 1}`;
}

function* rows(header: string, count: number, line: (i: number) => string): Generator<string> {
  let chunk = `${header}\n`;
  for (let i = 0; i < count; i++) {
    chunk += `${line(i)}\n`;
    if ((i + 1) % CHUNK_ROWS === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** The CSV template of one entity, in chunks. */
export function csvText(p: SyntheticPortfolio, file: CsvFile): Generator<string> {
  const T = TRANSITIONS_PER_ITEM;
  switch (file) {
    case 'teams':
      return rows('key,name,value_stream', p.teams, (t) => `${teamKey(t)},Team ${projectKey(t)},${valueStreamOf(t)}`);
    case 'objectives':
      return rows('key,title,level,parent,teams', p.objectiveTeams.length, (c) => `OBJ-${c + 1},Outcome ${c + 1} of teams ${c * TEAMS_PER_CLUSTER} to ${c * TEAMS_PER_CLUSTER + TEAMS_PER_CLUSTER - 1},program,,${p.objectiveTeams[c]!.map(teamKey).join(';')}`);
    case 'items':
      return rows('key,title,type,team,status,status_category,created_at,first_active_at,done_at,parent,objectives', p.items, (i) => {
        const status = STATUSES[finalStatus(p, i)]!;
        const done = finishedAt(p, i);
        const type = JIRA_TYPES[p.itemType[i]!]!;
        return `${itemKey(p, i)},${type} ${i + 1} of team ${projectKey(p.itemTeam[i]!)},${INTERLOCK_TYPE[type]},${teamKey(p.itemTeam[i]!)},${status.name},${status.category},${iso(createdAt(p, i))},${iso(p.at[i * T + 1]!)},${done === null ? '' : iso(done)},,`;
      });
    case 'transitions':
      return rows('item,from_status,to_status,at', p.items * T, (r) => {
        const i = Math.floor(r / T);
        const from = r % T === 0 ? '' : STATUSES[p.status[r - 1]!]!.name;
        return `${itemKey(p, i)},${from},${STATUSES[p.status[r]!]!.name},${iso(p.at[r]!)}`;
      });
    case 'dependencies':
      return rows('key,from_item,from_team,to_item,to_team,kind,interface,created_at,needed_by,resolved_at', p.dependencyFrom.length, (d) => {
        const from = p.dependencyFrom[d]!;
        const to = p.dependencyTo[d]!;
        const resolved = dependencyResolvedAt(p, d);
        return `DEP-${d + 1},${itemKey(p, from)},${teamKey(p.itemTeam[from]!)},${itemKey(p, to)},${teamKey(p.itemTeam[to]!)},blocks,${p.dependencyInterface[d] ? 'Public API' : ''},${iso(dependencyCreatedAt(p, d))},,${resolved === null ? '' : iso(resolved)}`;
      });
    case 'deployments':
      return rows('key,team,service,at,succeeded,change_at,release,items', p.deployments.length, (k) => {
        const d = p.deployments[k]!;
        return `DPL-${k + 1},${teamKey(d.team)},${teamKey(d.team)}-service,${iso(d.at)},${d.succeeded},,${d.release ?? ''},`;
      });
  }
}

/** Rows each CSV file holds, header excluded. */
export function csvRowCount(p: SyntheticPortfolio, file: CsvFile): number {
  return { teams: p.teams, objectives: p.objectiveTeams.length, items: p.items, transitions: p.items * TRANSITIONS_PER_ITEM, dependencies: p.dependencyFrom.length, deployments: p.teams * DEPLOYMENTS_PER_TEAM }[file];
}

// ——— Jira ———

/** Issues per REST page (Jira Cloud's maximum for search with changelog) and per file (an import takes at most 20 files). */
export const JIRA_PAGE_ISSUES = 100;
export const JIRA_FILE_ISSUES = 20_000;
const TEAM_FIELD = 'customfield_10042';
const BLOCKS = { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };

export function jiraFileCount(p: SyntheticPortfolio): number {
  return Math.ceil(p.items / JIRA_FILE_ISSUES);
}

export function jiraFileName(index: number): string {
  return `jira-search-${String(index + 1).padStart(3, '0')}.json`;
}

/** Issue links per item, both ways, as Jira shows a link on both of its issues. */
export function jiraLinks(p: SyntheticPortfolio): Map<number, { inward: number[]; outward: number[] }> {
  const links = new Map<number, { inward: number[]; outward: number[] }>();
  const of = (i: number) => {
    let l = links.get(i);
    if (!l) links.set(i, (l = { inward: [], outward: [] }));
    return l;
  };
  for (let d = 0; d < p.dependencyFrom.length; d++) {
    // The waiting item "is blocked by" the other; the other "blocks" it.
    of(p.dependencyFrom[d]!).inward.push(p.dependencyTo[d]!);
    of(p.dependencyTo[d]!).outward.push(p.dependencyFrom[d]!);
  }
  return links;
}

/** One issue as /rest/api/2/search?expand=changelog returns it. */
export function jiraIssue(p: SyntheticPortfolio, i: number, links: ReturnType<typeof jiraLinks>): object {
  const T = TRANSITIONS_PER_ITEM;
  const status = STATUSES[finalStatus(p, i)]!;
  const done = finishedAt(p, i);
  const team = p.itemTeam[i]!;
  const type = JIRA_TYPES[p.itemType[i]!]!;
  const own = links.get(i);
  const id = String(100_000 + i);
  return {
    id,
    key: itemKey(p, i),
    fields: {
      summary: `${type} ${i + 1} of team ${projectKey(team)}`,
      issuetype: { name: type },
      project: { key: projectKey(team) },
      status: { name: status.name, statusCategory: { key: status.jira === 'To Do' ? 'new' : status.jira === 'Done' ? 'done' : 'indeterminate', name: status.jira } },
      // A "Won't Do" status is cancelled by its name already; only delivered work gets a resolution.
      resolution: status.category === 'done' ? { name: 'Done' } : null,
      resolutiondate: done === null ? null : jiraTime(done),
      created: jiraTime(createdAt(p, i)),
      [TEAM_FIELD]: { value: teamKey(team) },
      issuelinks: [
        ...(own?.inward ?? []).map((other) => ({ type: BLOCKS, inwardIssue: { key: itemKey(p, other) } })),
        ...(own?.outward ?? []).map((other) => ({ type: BLOCKS, outwardIssue: { key: itemKey(p, other) } })),
      ],
    },
    changelog: {
      startAt: 0,
      maxResults: T - 1,
      total: T - 1,
      histories: Array.from({ length: T - 1 }, (_, k) => ({
        id: `${id}${k}`,
        created: jiraTime(p.at[i * T + k + 1]!),
        items: [{ field: 'status', fieldtype: 'jira', fromString: STATUSES[p.status[i * T + k]!]!.name, toString: STATUSES[p.status[i * T + k + 1]!]!.name }],
      })),
    },
  };
}

/** File `index`: an array of search pages (as a consultant saves paged answers), in chunks. */
export function* jiraFileText(p: SyntheticPortfolio, index: number, links: ReturnType<typeof jiraLinks>): Generator<string> {
  const first = index * JIRA_FILE_ISSUES;
  const last = Math.min(p.items, first + JIRA_FILE_ISSUES);
  yield '[';
  for (let start = first; start < last; start += JIRA_PAGE_ISSUES) {
    const end = Math.min(last, start + JIRA_PAGE_ISSUES);
    const issues: string[] = [];
    for (let i = start; i < end; i++) issues.push(JSON.stringify(jiraIssue(p, i, links)));
    const head = JSON.stringify({ expand: 'names,schema', startAt: start, maxResults: JIRA_PAGE_ISSUES, total: p.items, names: { [TEAM_FIELD]: 'Team' } }).slice(0, -1);
    yield `${start === first ? '' : ','}\n${head},"issues":[${issues.join(',')}]}`;
  }
  yield '\n]\n';
}
