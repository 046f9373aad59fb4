import type { ForecastOdds } from '../confidence/felt-vs-forecast';
import type { VoteRound } from '../confidence/vote-schema';
import type { MetricsSummary } from '../contract/metrics-channels';
import type { RoomScopes } from '../contract/risks-channels';
import type { CoordinationReport } from '../coordination/report-schema';
import type { EntityCounts } from '../domain/entities';
import type { Board } from '../planning/board-schema';
import type { Risk } from '../risks/risk-schema';
import type { DeckReading } from './deck-views';

// What the report is built from: the answers of the channels (workspace.overview,
// coordination.recommend, metrics.summary, plan.board, risks.board, votes.list), gathered by the
// backend. A part that could not be had says why, and its section says so instead of vanishing.

export type Available<T> = { available: true; value: T } | { available: false; reason: string };

export interface ReportInput {
  /** When the report was made (ISO). */
  generatedAt: string;
  /** The workspace without its file path: a report is handed out, the path stays on this machine. */
  workspace: { name: string; counts: EntityCounts; dateRange: { from: string; to: string } | null; valueStreams: string[] };
  coordination: Available<CoordinationReport>;
  flow: Available<MetricsSummary>;
  plan: Available<Board>;
  room: RoomScopes;
  risks: readonly Risk[];
  votes: { increment: string | null; rounds: readonly VoteRound[] };
  /** The "felt vs forecast" slot: forecast odds per scope, once forecasts exist. */
  forecasts?: readonly ForecastOdds[];
  /** A report of a deck's views: the deck, what its views narrow, and whence the report's increment came. */
  deck?: ReportDeck;
}

export interface ReportDeck {
  name: string;
  reading: DeckReading;
  /** 'views': the views name it; 'chosen': they name none and one was asked for; 'current': neither. */
  incrementFrom: 'views' | 'chosen' | 'current';
}
