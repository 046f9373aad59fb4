import { dependencyRisks, riskStatusWord, type RiskOnDependency } from '../joins/board-risks';
import { forecastFor, forecastText } from '../confidence/felt-vs-forecast';
import { roundsByScope, voteDistribution } from '../confidence/vote-distribution';
import type { VoteRound } from '../confidence/vote-schema';
import { MODEL_LABELS, type CueThreshold, type GroupRecommendation } from '../coordination/report-schema';
import { exclusionText, type ExclusionReason } from '../metrics/metrics-vocabulary';
import { NOTHING_TO_FLAG } from '../planning/board-lint';
import { dependencyKeyText, displayKey } from '../planning/local-keys';
import type { Board } from '../planning/board-schema';
import { countDependencyKinds, DEPENDENCY_KIND_TEXT, DEPENDENCY_KINDS, dependencyEndPlace, dependencyText, providerWithoutItemText } from '../planning/dependency-state';
import { ownerLabel, risksOfIncrement, scopeLabel, type ScopeNames } from '../risks/risk-scope';
import type { Risk } from '../risks/risk-schema';
import { columnOf, ROAM_COLUMNS, ROAM_TEXT } from '../risks/roam';
import { riskFilterText, risksOfDeck } from './deck-cover';
import { FLOW_DEFINITIONS, PERCENTILE_DEFINITIONS, PREDICTABILITY_DEFINITION } from './flow-definitions';
import { html, type Html } from './html';
import type { Available, ReportInput } from './report-input';
import { count, day, days, decimal, minute, percent, plural } from './report-format';

// The report's sections, one builder each, in the order they print. A new section (forecasts) is
// one more builder in REPORT_SECTIONS.

export interface ReportNames {
  team(key: string | null): string;
  scopes: ScopeNames;
}

export interface SectionBuilder {
  id: string;
  title: string;
  build(input: ReportInput, names: ReportNames): Html;
}

export function reportNames(input: ReportInput): ReportNames {
  const teams = new Map<string, string>(input.room.teams.map((t) => [t.key, t.name]));
  if (input.coordination.available) for (const t of input.coordination.value.teams) if (!teams.has(t.key)) teams.set(t.key, t.name);
  const groups = new Map(input.room.groups.map((g) => [g.key, { name: g.name, teamKeys: g.teamKeys }]));
  return { team: (key) => (key === null ? 'no team' : (teams.get(key) ?? key)), scopes: { teams, groups } };
}

function missing(part: Available<unknown>): Html | null {
  return part.available ? null : html`<p class="missing">${part.reason}</p>`;
}

const ENTITY_LABELS: Record<string, string> = {
  teams: 'Teams',
  items: 'Work items',
  transitions: 'Status changes',
  dependencies: 'Dependencies',
  deployments: 'Deployments',
  incidents: 'Incidents',
  objectives: 'Objectives',
  plans: 'Planning rows',
  risks: 'Risks',
};

function workspaceSection(input: ReportInput): Html {
  const w = input.workspace;
  const range = w.dateRange ? html`${day(w.dateRange.from)} to ${day(w.dateRange.to)} (UTC)` : 'no dated data yet';
  return html`
    <dl class="facts">
      <dt>Workspace</dt><dd>${w.name}</dd>
      <dt>Data</dt><dd>${range}</dd>
      <dt>Value streams</dt><dd>${w.valueStreams.length > 0 ? w.valueStreams.join(', ') : 'none named'}</dd>
      <dt>Report made</dt><dd>${minute(input.generatedAt)}</dd>
    </dl>
    <table class="counts">
      <caption>What the workspace holds</caption>
      <thead><tr><th scope="col">Records</th><th scope="col" class="num">Count</th></tr></thead>
      <tbody>${Object.entries(w.counts).map(([k, n]) => html`<tr><th scope="row">${ENTITY_LABELS[k] ?? k}</th><td class="num">${count(n)}</td></tr>`)}</tbody>
    </table>
    <p class="note">Interlock shows distributions and trends, never rankings of teams. Every figure below is defined where it is shown.</p>`;
}

function thresholdText(t: CueThreshold): string {
  const model = t.model === 'team-of-teams' ? 'Team-of-Teams' : 'Scrum of Scrums';
  return `${model} ${t.display}: ${t.met === null ? 'not measured' : t.met ? 'met' : 'not met'}`;
}

const ROLE_TEXT: Record<GroupRecommendation['role'], string> = {
  group: 'a group of coupled teams',
  single: 'a team coupled to no other enough to group it',
  provider: 'a shared provider, kept out of groups',
};

function groupBlock(g: GroupRecommendation, names: ReportNames): Html {
  const teams = g.teamKeys.map((k) => names.team(k)).join(', ');
  return html`
    <article class="group">
      <h3>${MODEL_LABELS[g.model]}: ${g.name}</h3>
      <p class="meta">${ROLE_TEXT[g.role]} · teams: ${teams}${g.role === 'group' ? html` · mean coupling ${decimal(g.coupling, 2)}` : ''}</p>
      <h4>Why</h4>
      <ul>${g.reasons.map((r) => html`<li>${r}</li>`)}</ul>
      ${g.role === 'group' && g.cues.length > 0
        ? html`<table class="cues">
            <caption>Cues measured for ${g.name}</caption>
            <thead><tr><th scope="col">Cue</th><th scope="col">Measured</th><th scope="col">How</th><th scope="col">Against the thresholds</th></tr></thead>
            <tbody>${g.cues.map((c) => html`<tr><th scope="row">${c.label}</th><td>${c.display}</td><td>${c.detail}</td><td>${c.thresholds.map((t) => html`<div>${thresholdText(t)}</div>`)}</td></tr>`)}</tbody>
          </table>`
        : ''}
      ${g.whatWouldChange.length > 0 ? html`<h4>What would change it</h4><ul>${g.whatWouldChange.map((w) => html`<li>${w}</li>`)}</ul>` : ''}
      <p>${g.robustness.summary}</p>
      <p><strong>Practice:</strong> ${g.practices.summary}${g.practices.cadence ? html` <strong>Cadence:</strong> ${g.practices.cadence}` : ''}</p>
    </article>`;
}

function coordinationSection(input: ReportInput, names: ReportNames): Html {
  if (!input.coordination.available) return missing(input.coordination)!;
  const r = input.coordination.value;
  return html`
    <p>Window: ${day(r.window.from)} to ${day(r.window.to)} (${r.window.days} days). Each group of coupled teams gets the lightest coordination model that sustains it: no standing forum, Scrum of Scrums or Team-of-Teams.</p>
    ${r.groups.map((g) => groupBlock(g, names))}
    <h3>Congruence with the declared forums</h3>
    <p>${r.congruence.summary}</p>`;
}

const FINDING_KINDS: Record<string, string> = { bottleneck: 'Bottleneck team', boundary: 'Boundary worth redrawing', trend: 'Trend', 'value-stream': 'Value streams and groups' };

function findingsSection(input: ReportInput, names: ReportNames): Html {
  if (!input.coordination.available) return missing(input.coordination)!;
  const findings = input.coordination.value.findings;
  if (findings.length === 0) return html`<p>No structural findings in this window: no bottleneck team, no boundary worth redrawing.</p>`;
  return html`${findings.map(
    (f) => html`
      <article class="finding">
        <h3>${f.title}</h3>
        <p class="meta">${FINDING_KINDS[f.kind] ?? f.kind}${f.teamKeys.length > 0 ? html` · teams: ${f.teamKeys.map((k) => names.team(k)).join(', ')}` : ''}</p>
        <p>${f.detail}</p>
        <p><strong>Suggestion:</strong> ${f.suggestion}</p>
        ${f.measures.length > 0 ? html`<ul class="measures">${f.measures.map((m) => html`<li>${m.label}: ${m.display}</li>`)}</ul>` : ''}
      </article>`,
  )}`;
}

function spread(d: { p50: number | null; p85: number | null; p95: number | null; n: number }): string {
  if (d.n === 0) return 'no sample in the window';
  return `median ${days(d.p50)}, 85 % within ${days(d.p85)}, 95 % within ${days(d.p95)} (n = ${count(d.n)})`;
}

function flowSection(input: ReportInput): Html {
  if (!input.flow.available) return missing(input.flow)!;
  const f = input.flow.value;
  const s = f.scope;
  const lastDay = new Date(Date.parse(s.window.to) - 1).toISOString();
  const scopeText = s.allTeams ? 'all teams' : s.teams.map((t) => t.name).join(', ');
  const rows: [string, string, string][] = [
    [
      'Throughput',
      f.throughputPerWeek.n === 0 ? `${count(f.throughputPerWeek.total)} done; no whole week in the window` : `median ${decimal(f.throughputPerWeek.p50)} items a week, 85th percentile ${decimal(f.throughputPerWeek.p85)}; ${count(f.throughputPerWeek.total)} done in the window`,
      FLOW_DEFINITIONS.throughput,
    ],
    ['Lead time', spread(f.leadTimeDays), FLOW_DEFINITIONS.leadTime],
    ['Cycle time', spread(f.cycleTimeDays), FLOW_DEFINITIONS.cycleTime],
    ['Flow efficiency (portfolio)', percent(f.flowEfficiency.portfolio), FLOW_DEFINITIONS.flowEfficiency],
    ['Work in progress', `${plural(f.wip.current, 'item')} open at ${day(f.wip.at)}; ${count(f.wip.olderThanCycleP85)} older than the cycle-time p85`, FLOW_DEFINITIONS.wip],
    ['Open dependencies', `${count(f.dependencyAgeing.open)} open, ${count(f.dependencyAgeing.overdue)} overdue; ages ${spread(f.dependencyAgeing.openAgeDays)}`, FLOW_DEFINITIONS.openDependencies],
    ['Flow time waiting on dependencies', percent(f.dependencyAgeing.waitingShare), FLOW_DEFINITIONS.waitingShare],
  ];
  const excluded = (Object.entries(f.excluded) as [ExclusionReason, number][]).filter(([, n]) => n > 0);
  return html`
    <p>Scope: ${scopeText}; window ${day(s.window.from)} to ${day(lastDay)}; ages measured at ${day(s.asOf)}, the data's last day.</p>
    <table class="flow">
      <caption>Flow figures and what each one means</caption>
      <thead><tr><th scope="col">Figure</th><th scope="col">Value</th><th scope="col">Definition</th></tr></thead>
      <tbody>${rows.map(([label, value, definition]) => html`<tr><th scope="row">${label}</th><td>${value}</td><td class="definition">${definition}</td></tr>`)}</tbody>
    </table>
    <p class="note">Percentiles: ${PERCENTILE_DEFINITIONS[s.percentileMethod]}. Durations are fractional days; times are UTC.</p>
    ${excluded.length > 0 ? html`<p class="note">Left out of some figures, never silently: ${excluded.map(([reason, n], i) => html`${i > 0 ? '; ' : ''}${exclusionText(reason, n)}`)}.</p>` : ''}`;
}

/**
 * The program board as a table teams × iterations (planned items, with the load against capacity),
 * then what needs talking through: conflicts and providers not planned or cancelled, each with the
 * risk it was raised as, if any. The board's full cards stay on the Plan page: a handout shows the
 * shape.
 */
function programBoardSection(input: ReportInput, names: ReportNames): Html {
  if (!input.plan.available) return missing(input.plan)!;
  const b: Board = input.plan.value;
  const cell = (team: string, column: number) => b.cells.find((c) => c.teamKey === team && c.columnId === column);
  const open = b.dependencies.filter((d) => d.state === 'conflict' || d.state === 'unplanned');
  // Counted from the dependencies listed below, as the board counts them: a cancelled provider apart.
  const counts = countDependencyKinds(b.dependencies);
  // As the board's markers count them: raised from the dependency, linked to it, or to a card at one of its ends.
  const risks = dependencyRisks(b, input.risks);
  const end = (e: { itemKey: string | null; teamKey: string | null; iterationName: string | null; cancelled?: boolean }) =>
    e.itemKey === null ? providerWithoutItemText(names.team(e.teamKey)) : `${displayKey(e.itemKey)} (${names.team(e.teamKey)}, ${dependencyEndPlace(e)})`;
  return html`
    <p>Increment ${b.increment.name}: ${b.increment.start} to ${b.increment.end}; ${plural(b.teams.length, 'team')}, ${plural(b.dependencies.length, 'dependency', 'dependencies')} between planned work.</p>
    ${
      b.teams.length === 0 || b.columns.length === 0
        ? html`<p>Nothing planned in this increment yet.</p>`
        : html`<table class="board">
            <caption>Planned items per team and iteration (load of capacity in ${b.increment.capacityUnit}; ⚠ over capacity)</caption>
            <thead><tr><th scope="col">Team</th>${b.columns.map((c) => html`<th scope="col" class="num">${c.name}</th>`)}</tr></thead>
            <tbody>${b.teams.map(
              (t) => html`<tr><th scope="row">${t.name}</th>${b.columns.map((c) => {
                const here = cell(t.key, c.id);
                if (!here || here.cards.length === 0) return html`<td class="num">–</td>`;
                return html`<td class="num">${count(here.cards.length)}${here.capacity === null ? '' : html` <span class="load">(${decimal(here.load)} of ${decimal(here.capacity)}${here.over ? ' ⚠' : ''})</span>`}</td>`;
              })}</tr>`,
            )}</tbody>
          </table>`
    }
    <p><strong>Dependencies:</strong> ${DEPENDENCY_KINDS.map((kind) => `${DEPENDENCY_KIND_TEXT[kind].label} ${count(counts[kind])}`).join(' · ')}.</p>
    ${
      open.length === 0
        ? html`<p>No conflicts: every provider is planned no later than the work that needs it.</p>`
        : html`<table class="conflicts">
            <caption>Conflicts and providers not planned or cancelled, the oldest need first, with the open risks the board marks on them</caption>
            <thead><tr><th scope="col">Dependency</th><th scope="col">State</th><th scope="col">Waiting item</th><th scope="col">Provided by</th><th scope="col">Needed by (date)</th><th scope="col">Open risks</th></tr></thead>
            <tbody>${[...open]
              .sort((x, y) => x.needAt.localeCompare(y.needAt) || x.key.localeCompare(y.key))
              .map(
                (d) => html`<tr><th scope="row"><span class="key">${dependencyKeyText(d.key)}</span></th><td>${dependencyText(d).symbol} ${dependencyText(d).label}</td><td>${end(d.consumer)}</td><td>${end(d.provider)}</td><td>${d.needAt}</td><td>${dependencyRisksText(risks.get(d.key) ?? [])}</td></tr>`,
              )}</tbody>
          </table>`
    }
    <h3>What the board lint flags</h3>
    ${b.lint.length === 0 ? html`<p>${NOTHING_TO_FLAG}</p>` : html`<ul class="lint">${b.lint.map((l) => html`<li>${l.message}</li>`)}</ul>`}`;
}

/** A conflict's open risks and how each bears on it: "RISK-8 owned (raised from it); RISK-2 accepted (linked to CHK-26)". */
function dependencyRisksText(list: readonly RiskOnDependency[]): string {
  if (list.length === 0) return 'none open';
  const how = (r: RiskOnDependency) => (r.how === 'raised' ? 'raised from it' : r.how === 'linked' ? 'linked to it' : `linked to ${r.items.map(displayKey).join(' and ')}`);
  return list.map((r) => `${r.risk.key} ${riskStatusWord(r.risk.status)} (${how(r)})`).join('; ');
}

function objectivesSection(input: ReportInput, names: ReportNames): Html {
  if (!input.plan.available) return missing(input.plan)!;
  const b: Board = input.plan.value;
  const p = b.predictability;
  const sorted = [...b.objectives].sort((x, y) => (x.level === y.level ? names.team(x.teamKeys[0] ?? null).localeCompare(names.team(y.teamKeys[0] ?? null)) || x.title.localeCompare(y.title) : x.level === 'team' ? 1 : -1));
  return html`
    <p>Increment ${b.increment.name}: ${b.increment.start} to ${b.increment.end}.</p>
    ${
      sorted.length === 0
        ? html`<p>No PI objectives in this increment yet.</p>`
        : html`<table class="objectives">
            <caption>PI objectives of ${b.increment.name}</caption>
            <thead><tr><th scope="col">Objective</th><th scope="col">Level</th><th scope="col">Teams</th><th scope="col" class="num">Business value</th><th scope="col">Commitment</th><th scope="col" class="num">Actual value</th><th scope="col" class="num">Planned items</th></tr></thead>
            <tbody>${sorted.map(
              (o) => html`<tr>
                <th scope="row">${o.title}</th><td>${o.level}</td><td>${o.teamKeys.map((k) => names.team(k)).join(', ') || '–'}</td>
                <td class="num">${o.businessValue ?? '–'}</td><td>${o.committed ? 'committed' : 'uncommitted (stretch)'}</td>
                <td class="num">${o.actualValue === null ? 'not scored' : decimal(o.actualValue)}</td><td class="num">${count(o.plannedItemKeys.length)} of ${count(o.itemKeys.length)}</td>
              </tr>`,
            )}</tbody>
          </table>`
    }
    <p><strong>Predictability of the increment:</strong> ${p.increment === null ? `not scored yet (${plural(p.unscoredTeams, 'team')} still to score)` : percent(p.increment)}.</p>
    <table class="bands">
      <caption>Teams per predictability band (a distribution, not a ranking)</caption>
      <thead><tr>${p.bands.map((band) => html`<th scope="col" class="num">${band.label}</th>`)}</tr></thead>
      <tbody><tr>${p.bands.map((band) => html`<td class="num">${plural(band.teams, 'team')}</td>`)}</tr></tbody>
    </table>
    <p class="note">For each team: ${PREDICTABILITY_DEFINITION}. SAFe's target band is 80–100 %.</p>`;
}

function historyText(risk: Risk): string {
  return risk.history
    .map((h) => (h.from === null ? `raised ${day(h.at)} as ${ROAM_TEXT[h.to].label}` : `${ROAM_TEXT[h.from].label} → ${ROAM_TEXT[h.to].label} ${day(h.at)}`) + (h.who ? ` by ${h.who}` : '') + (h.note ? ` (${h.note})` : ''))
    .join(' · ');
}

function linksText(risk: Risk): string {
  const parts = [
    risk.links.items.length > 0 ? `items ${risk.links.items.map(displayKey).join(', ')}` : null,
    risk.links.dependencies.length > 0 ? `dependencies ${risk.links.dependencies.map(displayKey).join(', ')}` : null,
    risk.links.objectives.length > 0 ? `objectives ${risk.links.objectives.map(displayKey).join(', ')}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : '–';
}

function risksSection(input: ReportInput, names: ReportNames): Html {
  // A report is about one increment (the board's): another increment's risks are not its own.
  const increment = input.plan.available ? input.plan.value.increment.name : null;
  const { kept, otherIncrements } = increment === null ? { kept: [...input.risks], otherIncrements: 0 } : risksOfIncrement(input.risks, increment);
  // A deck's Risks view scoped to a team or a group: the section shows what that view shows.
  const filters = input.deck?.reading.riskFilters ?? null;
  const risks = risksOfDeck(kept, input, names);
  const narrowed =
    filters === null
      ? null
      : html`<p>As the deck’s Risks ${filters.length > 1 ? 'views show them' : 'view shows them'}: the risks of ${filters.map((f) => riskFilterText(f, names.scopes)).join(' and of ')}${kept.length > risks.length ? html`; ${plural(kept.length - risks.length, 'other risk')} left out` : ''}.</p>`;
  const about =
    increment === null || (filters !== null && filters.every((f) => f.scope?.kind !== 'increment'))
      ? null
      : html`<p>The risks of ${increment} and those of the teams and coordination groups (filed under no increment)${otherIncrements > 0 ? html`; ${plural(otherIncrements, 'risk')} filed under other increments left out` : ''}.</p>`;
  if (risks.length === 0) return html`${narrowed}${about}<p>No risks recorded.</p>`;
  return html`
    ${narrowed}${about}
    <table class="roam-counts">
      <caption>Risks per ROAM status</caption>
      <thead><tr>${ROAM_COLUMNS.map((s) => html`<th scope="col" class="num">${ROAM_TEXT[s].label}</th>`)}</tr></thead>
      <tbody><tr>${ROAM_COLUMNS.map((s) => html`<td class="num">${count(columnOf(risks, s).length)}</td>`)}</tr></tbody>
    </table>
    ${ROAM_COLUMNS.map((status) => {
      const column = columnOf(risks, status);
      if (column.length === 0) return '';
      return html`
        <h3>${ROAM_TEXT[status].label} (${count(column.length)})</h3>
        <p class="meaning">${ROAM_TEXT[status].meaning}</p>
        <table class="risks">
          <thead><tr><th scope="col">Risk</th><th scope="col">Scope</th><th scope="col">Owner</th><th scope="col">Linked</th><th scope="col">History</th></tr></thead>
          <tbody>${column.map(
            (r) => html`<tr>
              <th scope="row"><span class="key">${r.key}</span> ${r.title}${r.description ? html`<div class="description">${r.description}</div>` : ''}</th>
              <td>${scopeLabel(r.scope, names.scopes)}</td>
              <td>${ownerLabel(r, names.scopes.teams) ?? 'nobody yet'}</td>
              <td>${linksText(r)}</td>
              <td class="history">${historyText(r)}</td>
            </tr>`,
          )}</tbody>
        </table>`;
    })}`;
}

function countCell(n: number, share: number): Html {
  return html`<td class="num"><span>${count(n)}</span><span class="bar" aria-hidden="true" style="width:${Math.round(share * 100)}%"></span></td>`;
}

function earlierText(rounds: readonly VoteRound[]): string {
  return rounds.map((r) => `${minute(r.at)}: ${r.counts.map((n, i) => `${n}×${i + 1}`).join(', ')}`).join('; ');
}

function confidenceSection(input: ReportInput, names: ReportNames): Html {
  const about = input.votes.increment ? ` for ${input.votes.increment}` : '';
  const scopes = roundsByScope(input.votes.rounds, (k) => names.team(k));
  const intro = html`<p>Fist of five${about}: each person shows 1 (no confidence) to 5 (full confidence) fingers. Shown as how many gave each value: the whole increment first, then the teams by name — never a ranking.</p>`;
  if (scopes.length === 0) return html`${intro}<p>No confidence vote recorded${about}.</p>`;
  const forecasts = input.forecasts ?? null;
  return html`
    ${intro}
    <table class="votes">
      <caption>Latest round per scope</caption>
      <thead><tr><th scope="col">Scope</th><th scope="col" class="num">1</th><th scope="col" class="num">2</th><th scope="col" class="num">3</th><th scope="col" class="num">4</th><th scope="col" class="num">5</th><th scope="col" class="num">Votes</th><th scope="col" class="num">Median</th><th scope="col">Reading</th><th scope="col">When</th></tr></thead>
      <tbody>${scopes.map((s) => {
        const d = voteDistribution(s.latest.counts);
        return html`<tr><th scope="row">${s.label}</th>${d.counts.map((n, i) => countCell(n, d.shares[i]!))}<td class="num">${count(d.total)}</td><td class="num">${decimal(d.median)}</td><td>${d.reading}</td><td>${minute(s.latest.at)}</td></tr>`;
      })}</tbody>
    </table>
    ${scopes.filter((s) => s.earlier.length > 0).map((s) => html`<p class="note">Earlier rounds of ${s.label}: ${earlierText(s.earlier)}.</p>`)}
    ${forecasts ? scopes.map((s) => html`<p class="note">Felt vs forecast, ${s.label}: median vote ${decimal(voteDistribution(s.latest.counts).median)} of 5. ${forecastText(forecastFor(forecasts, s.scope))}</p>`) : ''}`;
}

/** The standard set, in print order. */
export const REPORT_SECTIONS: readonly SectionBuilder[] = [
  { id: 'workspace', title: 'Workspace summary', build: (input) => workspaceSection(input) },
  { id: 'coordination', title: 'Coordination recommendation per group', build: coordinationSection },
  { id: 'findings', title: 'Findings', build: findingsSection },
  { id: 'flow', title: 'Flow summary', build: (input) => flowSection(input) },
  { id: 'board', title: 'Program board and conflicts', build: programBoardSection },
  { id: 'objectives', title: 'Objectives', build: objectivesSection },
  { id: 'risks', title: 'Risks (ROAM)', build: risksSection },
  { id: 'confidence', title: 'Confidence vote', build: confidenceSection },
];

export const REPORT_SECTION_IDS = REPORT_SECTIONS.map((s) => s.id);
