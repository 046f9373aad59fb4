import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FLOW_DEFINITIONS, PERCENTILE_DEFINITIONS, PREDICTABILITY_DEFINITION } from '../../../shared/report/flow-definitions';
import { escapeHtml, html, Html } from '../../../shared/report/html';
import { buildReport, REPORT_CSP } from '../../../shared/report/report-document';
import { REPORT_SECTION_IDS } from '../../../shared/report/report-sections';
import { NOTHING_TO_FLAG } from '../../../shared/planning/board-lint';
import { aRisk } from '../risks/risk-fixtures';
import { EVIL_TEAM, reportInput } from './report-fixtures';

/** The text of one section (between its opening tag and the next section). */
function section(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}"`);
  if (start === -1) throw new Error(`no section ${id}`);
  const end = page.indexOf('<section ', start + 1);
  return page.slice(start, end === -1 ? undefined : end);
}

/** Visible text: tags dropped, entities read back, spaces collapsed. */
function text(fragment: string): string {
  return fragment
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('html', () => {
  it('escapes every interpolated string, keeps Html as it is, joins lists and drops null, undefined and false', () => {
    const name = `<a href="x" onclick='y'>&</a>`;
    expect(html`<p title="${name}">${name}</p>`.text).toBe('<p title="&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;">&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;</p>');
    expect(html`<ul>${['a', '<b>'].map((s) => html`<li>${s}</li>`)}</ul>`.text).toBe('<ul><li>a</li><li>&lt;b&gt;</li></ul>');
    expect(html`${null}${undefined}${false}${0}${3.5}`.text).toBe('03.5');
    expect(html`${new Html('<hr>')}`.text).toBe('<hr>');
  });
});

describe('the report', () => {
  const page = buildReport(reportInput()).html;

  it('has the standard sections in order, each on its own printed page, with a contents list', () => {
    expect(REPORT_SECTION_IDS).toEqual(['workspace', 'coordination', 'findings', 'flow', 'board', 'objectives', 'risks', 'confidence']);
    const order = [...page.matchAll(/<section id="([a-z]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(REPORT_SECTION_IDS);
    expect(page).toContain('section + section { break-before: page; }');
    expect(text(page.slice(page.indexOf('<nav'), page.indexOf('</nav>')))).toBe('Contents Workspace summary Coordination recommendation per group Findings Flow summary Program board and conflicts Objectives Risks (ROAM) Confidence vote');
  });

  it('renders every user string as text: a team named <img src=x onerror=…> makes no element', () => {
    expect(page).not.toMatch(/<img/i);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<b>demo/);
    expect(page).toContain(escapeHtml(EVIL_TEAM));
    expect(text(section(page, 'coordination'))).toContain(`Scrum of Scrums: Checkout and ${EVIL_TEAM}`);
    expect(text(section(page, 'risks'))).toContain('RISK-1 </td><script>alert(1)</script>');
    expect(text(section(page, 'risks'))).toContain(`Ana "the fixer" (${EVIL_TEAM})`);
    expect(page).toContain('<title>Interlock report: Retail &lt;b&gt;demo&lt;/b&gt;</title>');
  });

  it('is self-contained: no script, image, font, stylesheet or frame; a policy that forbids every outside request', () => {
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP.replaceAll("'", '&#39;')}">`);
    expect(REPORT_CSP).toMatch(/^default-src 'none'/);
    expect(page).not.toMatch(/<(script|img|link|iframe|object|embed|video|audio|source)\b/i);
    const tags = [...page.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0]);
    expect(tags.filter((t) => /\s(src|srcset|action|background|poster)=/i.test(t))).toEqual([]);
    expect(page).not.toMatch(/url\(|@import|https?:\/\//i);
    // Links only within the page.
    expect([...page.matchAll(/href="([^"]*)"/g)].every((m) => m[1]!.startsWith('#'))).toBe(true);
  });

  it('workspace summary: name, data range, counts and when it was made — never a file path', () => {
    const s = text(section(page, 'workspace'));
    expect(s).toContain('Workspace Retail <b>demo</b> Data 2026-02-16 to 2026-11-15 (UTC)');
    expect(s).toContain('Work items 2,500');
    expect(s).toContain('Risks 3');
    expect(s).toContain('Report made 2026-11-16 08:30 UTC');
    expect(page).not.toMatch(/\/tmp\/|\.interlock|[A-Z]:\\/);
  });

  it('coordination: per group the model, reasons, cues with their thresholds in words (not colour), what would change it, the practice', () => {
    const s = text(section(page, 'coordination'));
    expect(s).toContain('Window: 2026-08-17 to 2026-11-15 (90 days).');
    expect(s).toContain('a group of coupled teams · teams: Checkout, <img src=x onerror=alert(1)> · mean coupling 0.42');
    expect(s).toContain('Dependencies per item completed 15 % 12 dependencies ÷ 80 items completed Scrum of Scrums ≥ 5 %: met Team-of-Teams ≥ 25 %: not met');
    expect(s).toContain('Joint integration not measured no integration data Team-of-Teams ≥ 50 %: not measured');
    expect(s).toContain('What would change it Team-of-Teams if dependencies reach 25 % of items completed.');
    expect(s).toContain('Practice: A weekly Scrum of Scrums with one representative per team. Cadence: weekly');
    expect(s).toContain('No standing forum: Search');
    expect(s).toContain('No forums declared: congruence cannot be measured.');
  });

  it('findings with their suggestion and measures', () => {
    expect(text(section(page, 'findings'))).toContain(`${EVIL_TEAM} is waited on by 2 teams Bottleneck team · teams: ${EVIL_TEAM} Two teams wait on it for 9 open dependencies. Suggestion: Offer its service self-service. Open dependencies on it: 9`);
  });

  it('flow summary: each figure with its value and its definition in docs/METRICS.md’s words', () => {
    const s = text(section(page, 'flow'));
    expect(s).toContain("Scope: all teams; window 2026-08-17 to 2026-11-15; ages measured at 2026-11-15, the data's last day.");
    expect(s).toContain(`Throughput median 11 items a week, 85th percentile 14.6; 140 done in the window ${FLOW_DEFINITIONS.throughput}`);
    expect(s).toContain(`Lead time median 12.3 d, 85 % within 30 d, 95 % within 41.5 d (n = 140) ${FLOW_DEFINITIONS.leadTime}`);
    expect(s).toContain(`Flow efficiency (portfolio) 31 % ${FLOW_DEFINITIONS.flowEfficiency}`);
    expect(s).toContain('Work in progress 57 items open at 2026-11-15; 9 older than the cycle-time p85');
    expect(s).toContain('Open dependencies 14 open, 3 overdue;');
    expect(s).toContain(`Flow time waiting on dependencies 18 % ${FLOW_DEFINITIONS.waitingShare}`);
    expect(s).toContain(`Percentiles: ${PERCENTILE_DEFINITIONS.linear}.`);
    expect(s).toContain('Left out of some figures, never silently: 2 with no active date.');
  });

  it('program board: planned items per team and iteration with load of capacity; conflicts and unplanned providers, the oldest need first, with the risk raised for each', () => {
    const s = text(section(page, 'board'));
    expect(s).toContain('Increment PI 26.4: 2026-11-09 to 2027-01-17; 2 teams, 3 dependencies between planned work.');
    // Checkout plans 3 items in I1 against a capacity of 2.5: over. The other team plans 1 in I2, no capacity set.
    expect(s).toContain('Team I1 I2 Checkout 3 (3 of 2.5 ⚠) – ');
    expect(s).toContain(`${EVIL_TEAM} – 1`);
    expect(s).toContain('Dependencies: in order 1 · same iteration 0 · conflict 1 · provider not planned 1 · provider cancelled 0.');
    // Both are needed on 2026-11-09: then by key. DEP-9 was raised as RISK-1; DEP-12 is only linked from RISK-3.
    expect(s).toContain(`DEP-12 ? provider not planned CHK-2 (Checkout, I1) EVL-7 (${EVIL_TEAM}, not planned) 2026-11-09 RISK-3 not yet ROAMed (linked to it)`);
    expect(s).toContain(`DEP-9 ✕ conflict CHK-1 (Checkout, I1) EVL-1 (${EVIL_TEAM}, I2) 2026-11-09 RISK-1 owned (raised from it)`);
    expect(s.indexOf('DEP-12')).toBeLessThan(s.indexOf('DEP-9'));
    expect(s).not.toContain('DEP-3 ');
  });

  it('program board: a provider cancelled reads so in the conflicts, where it would be planned and in its state', () => {
    const plan = reportInput().plan;
    if (!plan.available) throw new Error('the fixture has a plan');
    const dependencies = plan.value.dependencies.map((d) => (d.key === 'DEP-12' ? { ...d, provider: { ...d.provider, cancelled: true } } : d));
    const s = text(section(buildReport(reportInput({ plan: { available: true, value: { ...plan.value, dependencies } } })).html, 'board'));
    expect(s).toContain(`DEP-12 ? provider cancelled CHK-2 (Checkout, I1) EVL-7 (${EVIL_TEAM}, cancelled) 2026-11-09 RISK-3 not yet ROAMed (linked to it)`);
    // Its totals count it as it reads: cancelled, not among the providers not planned.
    expect(s).toContain('Dependencies: in order 1 · same iteration 0 · conflict 1 · provider not planned 0 · provider cancelled 1.');
  });

  it('program board: one provider cancelled and one not planned are totalled 1 and 1, as the conflicts list them', () => {
    const plan = reportInput().plan;
    if (!plan.available) throw new Error('the fixture has a plan');
    // DEP-12 waits on EVL-7 (not planned); DEP-13 on EVL-8, cancelled (Won't Do).
    const dep12 = plan.value.dependencies.find((d) => d.key === 'DEP-12')!;
    const dep13 = { ...dep12, key: 'DEP-13', provider: { ...dep12.provider, itemKey: 'EVL-8', cancelled: true } };
    const s = text(section(buildReport(reportInput({ plan: { available: true, value: { ...plan.value, dependencies: [...plan.value.dependencies, dep13] } } })).html, 'board'));
    expect(s).toContain('Dependencies: in order 1 · same iteration 0 · conflict 1 · provider not planned 1 · provider cancelled 1.');
    expect(s).toContain(`DEP-12 ? provider not planned CHK-2 (Checkout, I1) EVL-7 (${EVIL_TEAM}, not planned) 2026-11-09 RISK-3 not yet ROAMed (linked to it)`);
    expect(s).toContain(`DEP-13 ? provider cancelled CHK-2 (Checkout, I1) EVL-8 (${EVIL_TEAM}, cancelled) 2026-11-09 none open`);
  });

  it('program board: a dependency on a team alone names the team where the provider item would be, and counts with the providers not planned', () => {
    const plan = reportInput().plan;
    if (!plan.available) throw new Error('the fixture has a plan');
    // DEP-14: CHK-3 needs something from the other team, which has no item for it yet.
    const dep12 = plan.value.dependencies.find((d) => d.key === 'DEP-12')!;
    const dep14 = { ...dep12, key: 'DEP-14', consumer: { ...dep12.consumer, itemKey: 'CHK-3' }, provider: { ...dep12.provider, itemKey: null }, needAt: '2026-11-16' };
    const s = text(section(buildReport(reportInput({ plan: { available: true, value: { ...plan.value, dependencies: [...plan.value.dependencies, dep14] } } })).html, 'board'));
    expect(s).toContain(`DEP-14 ? provider not planned CHK-3 (Checkout, I1) ${EVIL_TEAM} — no item named 2026-11-16 none open`);
    expect(s).toContain('Dependencies: in order 1 · same iteration 0 · conflict 1 · provider not planned 2 · provider cancelled 0.');
  });

  it('program board: a conflict names the open risks the board marks on it — raised from it, linked to it, or to a card at one of its ends — and how each bears on it', () => {
    const base = reportInput();
    const risks = [
      ...base.risks,
      // Linked to both ends of DEP-9 (both on the board), to DEP-12's waiting card, and to its provider, which is on no card.
      aRisk({ key: 'RISK-10', status: 'accepted', links: { items: ['EVL-1', 'CHK-1'], dependencies: [], objectives: [] } }),
      aRisk({ key: 'RISK-4', status: 'mitigated', links: { items: ['CHK-2', 'EVL-7'], dependencies: [], objectives: [] } }),
      // Resolved is no longer a risk, and an objective is no card: neither is named.
      aRisk({ key: 'RISK-5', status: 'resolved', links: { items: ['CHK-1'], dependencies: ['DEP-9'], objectives: [] }, raisedFromDependency: 'DEP-9' }),
      aRisk({ key: 'RISK-6', status: 'owned', links: { items: [], dependencies: [], objectives: ['O-2'] } }),
    ];
    const s = text(section(buildReport(reportInput({ risks })).html, 'board'));
    expect(s).toContain('Conflicts and providers not planned or cancelled, the oldest need first, with the open risks the board marks on them');
    expect(s).toContain('2026-11-09 RISK-3 not yet ROAMed (linked to it); RISK-4 mitigated (linked to CHK-2) DEP-9');
    expect(s).toContain('2026-11-09 RISK-1 owned (raised from it); RISK-10 accepted (linked to CHK-1 and EVL-1) What the board lint flags');
  });

  it('program board: cards and dependencies made in Interlock read as the board shows them (“New-2”, “dependency New-1”), never by their stored keys; the columns say which is the waiting item and which the date', () => {
    const plan = reportInput().plan;
    if (!plan.available) throw new Error('the fixture has a plan');
    const local = {
      key: 'interlock:dep:1',
      consumer: { itemKey: 'interlock:item:2', teamKey: 'checkout', columnId: 11, iterationName: 'I1' },
      provider: { itemKey: 'interlock:item:1', teamKey: 'evil', columnId: 12, iterationName: 'I2', done: false, cancelled: false },
      state: 'conflict',
      needAt: '2026-11-10',
    } as (typeof plan.value.dependencies)[number];
    const risks = [aRisk({ key: 'RISK-10', status: 'owned', links: { items: ['interlock:item:2'], dependencies: ['interlock:dep:1'], objectives: ['interlock:objective:3'] } })];
    const page = buildReport(reportInput({ plan: { available: true, value: { ...plan.value, dependencies: [...plan.value.dependencies, local] } }, risks })).html;
    const board = text(section(page, 'board'));
    expect(board).toContain('Dependency State Waiting item Provided by Needed by (date) Open risks');
    expect(board).toContain(`dependency New-1 ✕ conflict New-2 (Checkout, I1) New-1 (${EVIL_TEAM}, I2) 2026-11-10 RISK-10 owned (linked to it)`);
    const all = text(page);
    expect(all).toContain('items New-2; dependencies New-1; objectives New-3');
    expect(all).not.toContain('interlock:');
  });

  it('program board: what the board lint flags, after the conflicts, each message as the Lint tab shows it; none, said as the Lint tab says it', () => {
    const built = buildReport(reportInput()).html;
    const s = text(section(built, 'board'));
    expect(s.slice(s.indexOf('What the board lint flags'))).toBe(`What the board lint flags Checkout in I1: load 3 exceeds capacity 2.5. Objective “One-page checkout live” of ${EVIL_TEAM} has no planned work.`);
    expect(section(built, 'board')).not.toContain(EVIL_TEAM);
    const plan = reportInput().plan;
    if (!plan.available) throw new Error('the fixture has a plan');
    const clean = text(section(buildReport(reportInput({ plan: { available: true, value: { ...plan.value, lint: [] } } })).html, 'board'));
    expect(clean).toContain(`What the board lint flags ${NOTHING_TO_FLAG}`);
  });

  it('objectives: program objectives first, then teams by name; predictability as teams per band', () => {
    const s = text(section(page, 'objectives'));
    expect(s).toContain('Increment PI 26.4: 2026-11-09 to 2027-01-17.');
    expect(s.indexOf('One-page checkout live')).toBeLessThan(s.indexOf('Saved cards'));
    expect(s.indexOf('Saved cards')).toBeLessThan(s.indexOf('Typo-tolerant search'));
    expect(s).toContain('Saved cards for returning shoppers team Checkout 8 committed not scored 1 of 2');
    expect(s).toContain('Typo-tolerant search team Search 5 uncommitted (stretch) 6 0 of 0');
    expect(s).toContain('Predictability of the increment: not scored yet (1 team still to score).');
    expect(s).toContain('below 50 % 50–80 % 80–100 % above 100 % 0 teams 1 team 2 teams 0 teams');
  });

  it('risks: how many per ROAM status, then each column with scope, owner, links and the history of its status', () => {
    const s = text(section(page, 'risks'));
    expect(s).toContain('Not yet ROAMed Resolved Owned Accepted Mitigated 1 0 1 1 0');
    expect(s).toContain(`Owned (1) Someone takes it on and acts before it bites.`);
    expect(s).toContain(`Coordination group: Checkout and ${EVIL_TEAM}`);
    expect(s).toContain('items CHK-1; dependencies DEP-9');
    expect(s).toContain('raised 2026-11-10 as Not yet ROAMed · Not yet ROAMed → Owned 2026-11-11 by RTE');
    expect(s).toContain('RISK-3 Index rebuild Team: Search nobody yet');
    // Columns print in board order: not yet ROAMed first.
    expect(s.indexOf('Not yet ROAMed (1)')).toBeLessThan(s.indexOf('Owned (1)'));
  });

  it('risks: a report about one increment lists its risks and the teams’ and groups’, never those filed under another increment, and says how many it leaves out', () => {
    const base = reportInput();
    const risks = [...base.risks, aRisk({ key: 'RISK-7', title: 'Last PI’s freeze', status: 'owned', scope: { kind: 'increment', key: 'PI 26.3' } })];
    const s = text(section(buildReport(reportInput({ risks })).html, 'risks'));
    expect(s).toContain('The risks of PI 26.4 and those of the teams and coordination groups (filed under no increment); 1 risk filed under other increments left out.');
    expect(s).not.toContain('RISK-7');
    expect(s).not.toContain('Whole increment: PI 26.3');
    expect(s).toContain('Whole increment: PI 26.4');
    expect(s).toContain('RISK-3 Index rebuild Team: Search');
    expect(s).toContain('Not yet ROAMed Resolved Owned Accepted Mitigated 1 0 1 1 0');
  });

  it('confidence: the latest round per scope as a distribution, the whole increment first, teams by name — never by their votes', () => {
    const s = text(section(page, 'confidence'));
    const rows = s.slice(s.indexOf('Latest round per scope'));
    expect(rows.indexOf('Whole increment: PI 26.4')).toBeLessThan(rows.indexOf('Checkout'));
    // Checkout (median 3.5) before Search (median 5): by name, not by value.
    expect(rows.indexOf('Checkout 0 1 2 3 0 6 3.5')).toBeLessThan(rows.indexOf('Search 0 0 0 2 4 6 5'));
    expect(rows).toContain('Whole increment: PI 26.4 0 2 10 20 8 40 4 2 votes of 40 are 1 or 2: hear those concerns before committing. 2026-11-12 12:00 UTC');
    expect(s).toContain('Earlier rounds of Checkout: 2026-11-12 10:05 UTC: 1×1, 3×2, 2×3, 0×4, 0×5.');
    expect(s).not.toContain('Felt vs forecast');
  });

  it('the definitions it prints are docs/METRICS.md’s and docs/PLANNING.md’s words', () => {
    const flatten = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8').replace(/\*\*/g, '').replace(/\s+/g, ' ');
    const metrics = flatten('../../../docs/METRICS.md');
    for (const definition of [...Object.values(FLOW_DEFINITIONS), ...Object.values(PERCENTILE_DEFINITIONS)]) expect(metrics).toContain(definition);
    expect(flatten('../../../docs/PLANNING.md')).toContain(PREDICTABILITY_DEFINITION);
    expect(flatten('../../../docs/PLANNING.md')).toContain(NOTHING_TO_FLAG);
  });

  describe('edge cases', () => {
    it('a part that could not be had says why, in its own section and in the findings', () => {
      const built = buildReport(reportInput({ coordination: { available: false, reason: 'Too little data to advise: 3 items completed.' }, plan: { available: false, reason: 'This workspace has no increment yet.' } })).html;
      expect(text(section(built, 'coordination'))).toContain('Too little data to advise: 3 items completed.');
      expect(text(section(built, 'findings'))).toContain('Too little data to advise');
      expect(text(section(built, 'objectives'))).toContain('This workspace has no increment yet.');
    });

    it('an empty workspace: no data range, no risks, no votes — each said in words', () => {
      const built = buildReport(reportInput({ workspace: { ...reportInput().workspace, dateRange: null, valueStreams: [] }, risks: [], votes: { increment: null, rounds: [] } })).html;
      expect(text(section(built, 'workspace'))).toContain('Data no dated data yet Value streams none named');
      expect(text(section(built, 'risks'))).toContain('No risks recorded.');
      expect(text(section(built, 'confidence'))).toContain('No confidence vote recorded.');
    });

    it('a board without dependencies totals 0 of every kind and has no conflicts to list', () => {
      const plan = reportInput().plan;
      if (!plan.available) throw new Error('the fixture has a plan');
      const s = text(section(buildReport(reportInput({ plan: { available: true, value: { ...plan.value, dependencies: [] } } })).html, 'board'));
      expect(s).toContain('Dependencies: in order 0 · same iteration 0 · conflict 0 · provider not planned 0 · provider cancelled 0.');
      expect(s).toContain('No conflicts: every provider is planned no later than the work that needs it.');
    });

    it('only the sections asked for, in the standard order', () => {
      const built = buildReport(reportInput(), ['risks', 'workspace']);
      expect(built.sections.map((s) => s.id)).toEqual(['workspace', 'risks']);
      expect([...built.html.matchAll(/<section id="([a-z]+)"/g)].map((m) => m[1])).toEqual(['workspace', 'risks']);
    });

    it('the felt-vs-forecast slot prints the forecast odds beside the vote when a forecast is given', () => {
      const built = buildReport(reportInput({ forecasts: [{ scope: { kind: 'increment', key: 'PI 26.4' }, odds: 0.72, by: '2027-01-15', basis: '42 planned items, 10,000 trials' }] })).html;
      const s = text(section(built, 'confidence'));
      expect(s).toContain('Felt vs forecast, Whole increment: PI 26.4: median vote 4 of 5. Forecast: 72 % chance to finish by 2027-01-15 (42 planned items, 10,000 trials).');
      expect(s).toContain('Felt vs forecast, Checkout: median vote 3.5 of 5. Forecast: none yet.');
    });

    it('a flow window without a whole week or a sample says so instead of printing empty numbers', () => {
      const input = reportInput();
      const flow = input.flow.available ? input.flow.value : null;
      const built = buildReport(reportInput({ flow: { available: true, value: { ...flow!, throughputPerWeek: { p50: null, p85: null, p95: null, n: 0, total: 2, mean: null }, cycleTimeDays: { p50: null, p85: null, p95: null, n: 0 }, flowEfficiency: { ...flow!.flowEfficiency, portfolio: null } } } })).html;
      const s = text(section(built, 'flow'));
      expect(s).toContain('Throughput 2 done; no whole week in the window');
      expect(s).toContain('Cycle time no sample in the window');
      expect(s).toContain('Flow efficiency (portfolio) –');
    });
  });
});
