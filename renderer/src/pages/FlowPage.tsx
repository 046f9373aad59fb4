import { PlannedPage } from '../layout/PlannedPage';

export function FlowPage() {
  return (
    <PlannedPage
      title="Flow"
      summary="How work flows: distributions and trends, never team rankings."
      willShow={[
        'Throughput per week, lead and cycle time distributions (p50, p85, p95), and a cycle-time scatterplot.',
        'Cumulative flow, work in progress and its age, flow efficiency.',
        'How long dependencies stay open, and how much flow time is spent waiting on them.',
      ]}
    />
  );
}
