import type {
  DependencyRecord,
  DeploymentRecord,
  IncidentRecord,
  ItemRecord,
  ObjectiveRecord,
  RecordSink,
  TeamRecord,
  TransitionRecord,
} from '../../../shared/import/import-records';
import type { PortfolioWriter } from '../store/queries/portfolio-writes';

/** The import's database target: every checked record goes straight to the prepared upserts. */
export function workspaceSink(writer: PortfolioWriter): RecordSink {
  return {
    team: (r: TeamRecord) => writer.team(r),
    objective: (r: ObjectiveRecord) => writer.objective(r),
    item: (r: ItemRecord) => void writer.item(r),
    transition: (r: TransitionRecord) => void writer.transition(r),
    dependency: (r: DependencyRecord) => writer.dependency(r),
    deployment: (r: DeploymentRecord) => writer.deployment(r),
    incident: (r: IncidentRecord) => writer.incident(r),
  };
}
