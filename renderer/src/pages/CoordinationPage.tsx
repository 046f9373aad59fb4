import { PlannedPage } from '../layout/PlannedPage';

export function CoordinationPage() {
  return (
    <PlannedPage
      title="Coordination"
      summary="Which coordination model each group of coupled teams needs — always the lightest that works."
      willShow={[
        'Groups of coupled teams, each with its recommended model (no standing forum, Scrum of Scrums or Team-of-Teams) and the measured reasons.',
        'A graph of teams weighted by coupling, and a team × team matrix ordered by group.',
        'Structural findings: team boundaries worth redrawing, bottleneck teams, forums to scale up or down.',
        'How well your existing forums cover the coordination the dependencies require.',
      ]}
    />
  );
}
