import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, type ReactNode } from 'react';
import type { PlanConfidence, PlanFeatureOdds, PlanItemOdds, PlanObjectiveOdds, PlanTeamOdds } from '../../../shared/forecast/plan-confidence-schema';
import { planStartText, startInDataNote } from '../../../shared/forecast/forecast-start';
import { displayKey } from '../../../shared/planning/local-keys';
import { DataTable, type Column } from '../charts/DataTable';
import { FigureTile } from '../charts/FigureTile';
import { ErrorNotice } from '../layout/ErrorNotice';
import type { ContractError } from '../api/contract-client';
import { oddsColor, percentText } from './odds-style';
import {
  csvFigure,
  dependencyCostWithinNoise,
  dependencyWhoText,
  dueBeforeStartNote,
  p85Text,
  PLAN_ODDS_ASSUMPTIONS,
  shownDependencyCost,
  teamsWithoutThroughputNote,
  unplannedCommittedNote,
  unplannedItemsNote,
  type DependencyEnds,
} from '../../../shared/forecast/plan-odds-shown';
import { fileSlug } from '../charts/csv';

type Odds = PlanItemOdds | PlanFeatureOdds | PlanObjectiveOdds;

/** A probability with its band's colour as a small swatch: never colour alone; and why, when nothing could change it. */
function OddsCell({ p, why = null }: { p: number | null; why?: string | null }) {
  if (p === null) return <>–</>;
  const odds = (
    // Squeezed, the dot goes above the figure, never the "%" below it (the figure has a no-break space).
    <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', justifyContent: 'flex-end', alignItems: 'center', columnGap: 0.75, fontVariantNumeric: 'tabular-nums' }}>
      <Box component="span" aria-hidden sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: oddsColor(p) }} />
      {percentText(p)}
    </Box>
  );
  if (why === null) return odds;
  return (
    <>
      {odds}
      <Typography component="span" variant="body2" color="text.secondary" data-testid="odds-why" sx={{ display: 'block', textAlign: 'left' }}>
        {why}
      </Typography>
    </>
  );
}

/** How the tables name a dependency: who waits on whom, from the board's dependencies. */
interface Naming {
  dependency(key: string): string;
  start: string;
}

/** The mean's reach: committed objectives with no planned work have no odds and are not in it. */
function committedDetail(c: PlanConfidence): string {
  const note = unplannedCommittedNote(c.objectives);
  return note === null ? 'the mean of their odds' : `the mean of their odds; ${note}`;
}

const costText = (o: Odds, trials: number) => {
  const cost = shownDependencyCost(o, trials);
  return cost === null ? '–' : `${cost > 0 ? '−' : '+'}${percentText(Math.abs(cost))}`;
};
const costliestText = (o: Odds, naming: Naming) => (o.costliestDependency === null ? '–' : `${naming.dependency(o.costliestDependency.key)} (in ${percentText(o.costliestDependency.lateShare)} of late trials)`);

const yesNo = (b: boolean | null) => (b === null ? null : b ? 'yes' : 'no');

/**
 * The columns every table shares: odds by the due day, 85 % date, and what dependencies cost. The
 * CSV holds the full figures as fractions of 4 decimals (csvFigure), a cost within noise too (the
 * screen's "–"), with a column saying so, and the costliest dependency's share of late trials.
 */
function oddsColumns<T extends Odds>(trials: number, naming: Naming): Column<T>[] {
  return [
    // A group without planned items has no due day and no 85 % date: nothing of it is planned.
    { header: 'Due', value: (o) => o.due ?? '–' },
    { header: 'Odds by due', value: (o) => csvFigure(o.probability), render: (o) => <OddsCell p={o.probability} why={dueBeforeStartNote(o, naming.start)} />, numeric: true },
    { header: '85 % done by', value: (o) => p85Text(o) },
    { header: 'Without dependencies', value: (o) => csvFigure(o.probabilityWithoutDependencies), render: (o) => percentText(o.probabilityWithoutDependencies), numeric: true },
    { header: 'Dependency cost', value: (o) => csvFigure(o.dependencyCost), render: (o) => costText(o, trials), numeric: true },
    { header: 'Dependency cost within noise', value: (o) => yesNo(dependencyCostWithinNoise(o, trials)), csvOnly: true },
    { header: 'Costliest dependency', value: (o) => (o.costliestDependency === null ? null : naming.dependency(o.costliestDependency.key)), render: (o) => costliestText(o, naming) },
    { header: 'Costliest dependency, share of late trials', value: (o) => csvFigure(o.costliestDependency?.lateShare ?? null), csvOnly: true },
  ];
}

/** "pi-26-4-confidence-objectives": named by its increment and tab, as the board's exports are ("pi-26-4-board"). */
const csvName = (c: PlanConfidence, table: string) => `${fileSlug(c.increment.name)}-confidence-${fileSlug(table)}`;

const byOdds = <T extends Odds>(rows: readonly T[]) => [...rows].sort((a, b) => (a.probability ?? 2) - (b.probability ?? 2) || a.key.localeCompare(b.key));

/**
 * Presented, the features and planned items tables show their lowest odds only (a demo increment
 * has dozens of features and hundreds of items: 7,000 and 12,000 px at the room's type, twenty
 * screens the facilitator would page through with ↓ before the Teams table). The room talks about
 * the work at risk; the table says how far the rest stands from it, and every row stays at the desk
 * and in the CSV. Objectives are all shown: each is a team's commitment to the room.
 */
const PRESENTED_ODDS_ROWS = 12;

/** What a presented table says of the rows it leaves out, by the lowest odds among them. */
function restOfOddsText(rest: readonly Pick<Odds, 'probability'>[], what: string): string {
  const odds = rest.map((o) => o.probability).filter((p): p is number => p !== null);
  const floor = odds.length === 0 ? '' : `, none with odds below ${percentText(Math.min(...odds))}`;
  return `The other ${rest.length} ${what}${floor}, are at the desk and in the CSV.`;
}

/** Objectives, features or items: what names them, then the shared odds columns, lowest odds first. */
function OddsTable<T extends Odds>({ naming, names, rows, trials, presentedAs, ...table }: { testId: string; title: string; description: string; empty: string; maxHeight?: number; rows: readonly T[]; trials: number; naming: Column<T>[]; names: Naming; presentedAs?: string; csvName: string }) {
  const presented = presentedAs === undefined ? undefined : { count: PRESENTED_ODDS_ROWS, rest: (rest: readonly T[]) => restOfOddsText(rest, presentedAs) };
  return <DataTable<T> {...table} rows={byOdds(rows)} rowKey={(o) => o.key} columns={[...naming, ...oddsColumns<T>(trials, names)]} presented={presented} />;
}

/**
 * Plan confidence for the Plan page: how likely each objective, feature and planned item is done by
 * the end of its iteration, simulated with every team's queue and every dependency in the same
 * trial. It only suggests: an objective below the threshold is proposed as uncommitted, never
 * changed.
 */
export function PlanConfidencePanel({
  confidence,
  loading,
  error,
  teamName,
  dependencies = [],
}: {
  confidence: PlanConfidence | undefined;
  loading: boolean;
  error: ContractError | null;
  teamName(key: string | null): string;
  /** The board's dependencies, keyed: a dependency is named by who waits on whom. */
  dependencies?: readonly (DependencyEnds & { key: string })[];
}) {
  const teams = (keys: readonly string[]) => keys.map((k) => teamName(k)).join(', ') || '–';
  const dependency = useMemo(() => {
    const byKey = new Map(dependencies.map((d) => [d.key, d]));
    return (key: string) => dependencyWhoText(key, byKey.get(key), teamName);
  }, [dependencies, teamName]);
  return (
    <Box data-testid="plan-confidence">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Each team works its planned items in order, drawing every day’s throughput from its own history; a consumer starts the day after its provider is done; all teams inside the same trial. Odds are the share of trials in which the work is done by the last day of its iteration.
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }} data-testid="confidence-assumptions">
        {PLAN_ODDS_ASSUMPTIONS}
      </Typography>
      {loading && <LinearProgress aria-label="Simulating the plan" sx={{ mb: 2 }} />}
      <ErrorNotice title="The plan’s odds could not be computed" error={error} />
      {confidence && <ConfidenceBody c={confidence} teams={teams} teamName={teamName} names={{ dependency, start: confidence.provenance.start }} />}
    </Box>
  );
}

function ConfidenceBody({ c, teams, teamName, names }: { c: PlanConfidence; teams(keys: readonly string[]): string; teamName(key: string | null): string; names: Naming }) {
  const p = c.provenance;
  const suggested = c.objectives.filter((o) => o.suggestUncommitted);
  const idleTeams = teamsWithoutThroughputNote(c.teams, teamName);
  const startInData = startInDataNote(p.start, p.dataLastDay);
  const section = (node: ReactNode) => <Box sx={{ mt: 2 }}>{node}</Box>;
  return (
    <>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 4 }}>
          <FigureTile testId="confidence-all-planned" label={
              <>
                All planned work done by <span style={{ whiteSpace: 'nowrap' }}>{c.increment.end}</span>
              </>
            } value={percentText(c.allPlannedDone)} detail={`${c.items.length} planned items, every team in the same trial`} />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <FigureTile testId="confidence-committed" label="Committed objectives expected to be met" value={percentText(c.expectedCommittedMet)} detail={committedDetail(c)} />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <FigureTile testId="confidence-suggested" label={`Committed objectives below ${percentText(p.uncommitBelow)}`} value={String(suggested.length)} detail="suggested as uncommitted" />
        </Grid>
      </Grid>
      <Typography variant="body2" color="text.secondary" data-testid="confidence-provenance" sx={{ mt: 1 }}>
        {`History ${p.window.from} – ${p.window.to} (${p.window.days} days) per team · ${p.trials.toLocaleString('en-US')} trials · seed ${p.seed} · ${planStartText(p.start, p.startFrom)}${p.dayKind === 'business' ? ', business days' : ''}`}
      </Typography>
      {startInData !== null && (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="forecast-start-in-data">
          {startInData}
        </Alert>
      )}
      {idleTeams !== null && (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="confidence-idle-teams">
          {idleTeams}
        </Alert>
      )}
      {suggested.length > 0 && (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="confidence-suggestions">
          <Typography>
            Consider proposing {suggested.length === 1 ? 'this objective' : 'these objectives'} as uncommitted (odds below {percentText(p.uncommitBelow)}); nothing is changed unless you change it:
          </Typography>
          <Stack component="ul" sx={{ m: 0, pl: 2.5 }}>
            {suggested.map((o) => (
              <li key={o.key}>
                {o.title} ({teams(o.teamKeys)}): {percentText(o.probability)}
                {o.costliestDependency ? `, most held back by ${names.dependency(o.costliestDependency.key)}` : ''}
              </li>
            ))}
          </Stack>
        </Alert>
      )}
      {section(
        <OddsTable<PlanObjectiveOdds>
          trials={p.trials}
          names={names}
          testId="table-objective-odds"
          title="Objectives"
          csvName={csvName(c, 'Objectives')}
          description="Done when the last of its planned items is. Lowest odds first."
          rows={c.objectives}
          empty="No objective in this increment."
          naming={[
            {
              header: 'Objective',
              value: (o) => o.title,
              // Its odds are those of its planned part only: said where they are read.
              render: (o) =>
                o.unplannedItemKeys.length === 0 ? (
                  o.title
                ) : (
                  <>
                    {o.title}
                    <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                      {unplannedItemsNote(o.unplannedItemKeys.length)}
                    </Typography>
                  </>
                ),
            },
            { header: 'Teams', value: (o) => teams(o.teamKeys) },
            { header: 'Committed', value: (o) => (o.committed ? 'yes' : 'no'), render: (o) => (o.committed ? (o.suggestUncommitted ? 'yes — suggest uncommitted' : 'yes') : 'no') },
          ]}
        />,
      )}
      {section(
        <OddsTable<PlanFeatureOdds>
          trials={p.trials}
          names={names}
          testId="table-feature-odds"
          title="Features"
          csvName={csvName(c, 'Features')}
          description="The parents of planned items: done when the last of their planned children is, across teams. Lowest odds first."
          rows={c.features}
          empty="No planned item has a parent (feature or epic)."
          maxHeight={360}
          presentedAs="features"
          naming={[{ header: 'Feature', value: (o) => `${displayKey(o.key)} ${o.title}` }, { header: 'Teams', value: (o) => teams(o.teamKeys) }]}
        />,
      )}
      {section(
        <OddsTable<PlanItemOdds>
          trials={p.trials}
          names={names}
          testId="table-item-odds"
          title="Planned items"
          csvName={csvName(c, 'Planned items')}
          description="Each by the last day of its iteration. Lowest odds first."
          rows={c.items}
          empty="Nothing is planned in this increment."
          maxHeight={360}
          presentedAs="planned items"
          naming={[
            { header: 'Item', value: (o) => `${displayKey(o.key)} ${o.title}` },
            { header: 'Team', value: (o) => teamName(o.teamKey) },
            { header: 'Iteration', value: (o) => o.iterationName },
          ]}
        />,
      )}
      {section(
        <DataTable<PlanTeamOdds>
          testId="table-team-odds"
          title="Teams"
          csvName={csvName(c, 'Teams')}
          description={`Each team’s history and the odds that all it planned is done by ${c.increment.end}.`}
          rows={c.teams}
          rowKey={(t) => t.key}
          empty="No team has planned work."
          maxHeight={360}
          columns={[
            { header: 'Team', value: (t) => teamName(t.key) },
            { header: 'Items a day (history)', value: (t) => csvFigure(t.meanPerDay), render: (t) => (t.meanPerDay === null ? '–' : t.meanPerDay.toFixed(2)), numeric: true },
            { header: 'Planned items', value: (t) => t.plannedItems, numeric: true },
            { header: 'All planned done', value: (t) => csvFigure(t.allPlannedDone), render: (t) => <OddsCell p={t.allPlannedDone} />, numeric: true },
            { header: 'Committed objectives expected met', value: (t) => csvFigure(t.expectedCommittedMet), render: (t) => percentText(t.expectedCommittedMet), numeric: true },
          ]}
        />,
      )}
      {c.ignoredDependencies.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }} data-testid="confidence-ignored">
          Not simulated: {c.ignoredDependencies.map((d) => `${names.dependency(d.key)} (${IGNORED_TEXT[d.reason]})`).join('; ')}.
        </Typography>
      )}
    </>
  );
}

const IGNORED_TEXT: Record<PlanConfidence['ignoredDependencies'][number]['reason'], string> = {
  // Also a dependency on a team with no item named: nothing of that team is planned for it either.
  'provider-not-planned': 'its provider is open and not planned in this increment, or is a team with no item named',
  'provider-cancelled': 'its provider was cancelled: re-plan the work or drop the dependency',
  'unknown-item': 'an end is not a planned item',
  self: 'an item waiting on itself',
  cycle: 'part of a cycle',
};
