import { PlannedPage } from '../layout/PlannedPage';

export function DeliveryPage() {
  return (
    <PlannedPage
      title="Delivery"
      summary="DORA's four keys, per team, group or value stream, with their trend."
      willShow={[
        'Deployment frequency, lead time for changes, change failure rate and time to restore, beside the DORA benchmark buckets.',
        'Which deployment each incident was attributed to, and the means to correct it.',
      ]}
    />
  );
}
