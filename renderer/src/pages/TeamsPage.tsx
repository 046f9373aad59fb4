import { PlannedPage } from '../layout/PlannedPage';

export function TeamsPage() {
  return (
    <PlannedPage
      title="Teams & dependencies"
      summary="Who depends on whom, and for how long."
      willShow={[
        'Every cross-team dependency with its age, its state and who waits on whom.',
        'Teams by value stream, with the dependencies between them.',
      ]}
    />
  );
}
