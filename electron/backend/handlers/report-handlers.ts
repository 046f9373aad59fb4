import { fileSlug } from '../../../shared/export/file-names';
import { contract, type ChannelName, type ChannelOutput, type ParsedInput } from '../../../shared/contract/contract';
import type { reportChannels } from '../../../shared/contract/report-channels';
import { AppError } from '../../../shared/contract/result';
import { oddsFromPlanForecast } from '../../../shared/confidence/felt-vs-forecast';
import { reportSectionsForDeck } from '../../../shared/report/deck-sections';
import { readDeckViews } from '../../../shared/report/deck-views';
import { buildReport } from '../../../shared/report/report-document';
import { getDeck } from '../room/deck-store';
import type { Available, ReportDeck, ReportInput } from '../../../shared/report/report-input';
import { coordinationHandlers } from './coordination-handlers';
import { forecastHandlers } from './forecast-handlers';
import type { BackendContext, HandlerMap } from './handler-types';
import { metricsHandlers } from './metrics-handlers';
import { planHandlers } from './plan-handlers';
import { risksHandlers } from './risks-handlers';
import { votesHandlers } from './votes-handlers';
import { workspaceHandlers } from './workspace-handlers';

/** A part of the report: the channel's answer, or why there is none (too little data, no increment). */
async function part<T>(read: () => T | Promise<T>): Promise<Available<T>> {
  try {
    return { available: true, value: await read() };
  } catch (error) {
    if (error instanceof AppError) return { available: false, reason: error.message };
    throw error;
  }
}

type AnyHandler = (input: never, context: BackendContext) => unknown;

/** A channel's answer as every transport gives it: the input and the answer through the channel's schemas. */
async function ask<C extends ChannelName>(channel: C, handler: AnyHandler, input: ParsedInput<C> | Record<string, unknown>, context: BackendContext): Promise<ChannelOutput<C>> {
  const parsed = contract[channel].input.parse(input) as never;
  return contract[channel].output.parse(await handler(parsed, context)) as ChannelOutput<C>;
}

/** The report is built from what the channels answer, so it says exactly what the pages show. */
async function reportInput(increment: string | undefined, context: BackendContext): Promise<ReportInput> {
  const overview = await ask('workspace.overview', workspaceHandlers['workspace.overview'], {}, context);
  const plan = await part(() => ask('plan.board', planHandlers['plan.board'], { increment }, context));
  // An increment asked for by name that is not there (a typo) is a mistake to say, not a report to
  // hand out whose every plan section says so.
  if (increment !== undefined && !plan.available) throw new AppError('not-found', plan.reason);
  const votesAbout = plan.available ? plan.value.increment.name : increment;
  const coordination = await part(() => ask('coordination.recommend', coordinationHandlers['coordination.recommend'], {}, context));
  const flow = await part(() => ask('metrics.summary', metricsHandlers['metrics.summary'], { compare: 'none' }, context));
  const board = await ask('risks.board', risksHandlers['risks.board'], {}, context);
  const votes = await ask('votes.list', votesHandlers['votes.list'], { increment: votesAbout }, context);
  // The same odds (default trials and seed) the Confidence page shows beside the votes.
  const odds = plan.available ? await part(() => ask('forecast.plan', forecastHandlers['forecast.plan'], { increment: votesAbout }, context)) : null;
  const { risks, ...room } = board;
  return {
    generatedAt: new Date().toISOString(),
    workspace: { name: overview.name, counts: overview.counts, dateRange: overview.dateRange, valueStreams: overview.valueStreams },
    coordination,
    flow,
    plan,
    room,
    risks,
    votes: { increment: votesAbout ?? null, rounds: votes.rounds },
    forecasts: odds?.available ? oddsFromPlanForecast(odds.value) : undefined,
  };
}

/** A deck's report: the deck's views' increment (else the one asked for, else the current one), and what they narrow. */
function deckOf(deckId: number, increment: string | undefined, context: BackendContext): { deck: ReportDeck; sections: string[]; increment: string | undefined } {
  const { name, entries } = getDeck(context.session.require().db, deckId);
  const reading = readDeckViews(entries);
  const incrementFrom = reading.increment !== null ? 'views' : increment !== undefined ? 'chosen' : 'current';
  return { deck: { name, reading, incrementFrom }, sections: reportSectionsForDeck(entries.map((e) => e.address)), increment: reading.increment ?? increment };
}

export const reportHandlers: HandlerMap<typeof reportChannels> = {
  'report.export': async ({ increment, sections, deckId }, context) => {
    const deck = deckId === undefined ? null : deckOf(deckId, increment, context);
    let input: ReportInput;
    try {
      input = await reportInput(deck?.increment ?? increment, context);
    } catch (error) {
      // The deck's views name an increment since removed or renamed outside the app: say whose it is.
      if (deck?.deck.incrementFrom === 'views' && error instanceof AppError) throw new AppError(error.code, `The deck “${deck.deck.name}” shows ${deck.increment}: ${error.message}`);
      throw error;
    }
    const built = buildReport(deck ? { ...input, deck: deck.deck } : input, deck?.sections ?? sections);
    const deckPart = deck ? `-deck-${fileSlug(deck.deck.name, 'deck')}` : '';
    return { ...built, fileName: `interlock-report-${fileSlug(input.workspace.name, 'workspace')}${deckPart}-${input.generatedAt.slice(0, 10)}.html` };
  },
};
