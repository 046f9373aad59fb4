import Grid from '@mui/material/Grid';
import type { DeliveryReport } from '../../../shared/contract/metrics-channels';
import { countTick, formatHours, formatNumber, formatShare } from '../charts/format-metrics';
import { comparisonShown } from '../charts/comparison-name';
import { DoraTile } from './DoraTile';
import { plural } from '../../../shared/domain/display-numbers';

// Whole sentences: with no sample there is no method to name, only why nothing was measured.
const METHOD: Record<DeliveryReport['current']['leadTimeForChangesHours']['method'], string> = {
  commit: 'Measured as commit → deployment.',
  'item-done': 'Measured as item done → the team’s next deployment (a proxy: no commit times in the data).',
  mixed: 'Measured as commit → deployment where recorded, else item done → the team’s next deployment.',
  none: 'Not measured: no successful deployment in scope ships a change with a commit time or a done item.',
};

/** DORA's four keys side by side, each beside its benchmark bucket and its weekly trend. */
export function DoraTiles({ report }: { report: DeliveryReport }) {
  const c = report.current;
  // A period before that ends before the data begins says so on every tile: its 0 and "–" are no measurement.
  const before = (shown: (p: NonNullable<DeliveryReport['previous']>) => string) => comparisonShown(report, shown);
  const lead = c.leadTimeForChangesHours;
  const ttr = c.timeToRestoreHours;
  const fdrt = c.failedDeploymentRecoveryHours;
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 6 }}>
        <DoraTile
          report={report}
          metric="deploymentFrequency"
          name="dora-deployment-frequency"
          title="Deployment frequency"
          unit="days with a successful deployment, median week"
          howToRead="How often the teams in scope can ship: days with at least one successful deployment, not the number of deployments."
          value={`${formatNumber(c.deploymentFrequency.deployDaysPerWeek)} days / week`}
          detail={`${plural(c.deploymentFrequency.deployments, 'successful deployment')} on ${plural(c.deploymentFrequency.deployDays, 'day')}, ${c.deploymentFrequency.failedDeployments} failed · ${c.deploymentFrequency.fullMonths > 0 ? 'median month' : 'a month at this rate:'} ${plural(formatNumber(c.deploymentFrequency.deployDaysPerMonth), 'day')}`}
          previous={before((p) => `${formatNumber(p.deploymentFrequency.deployDaysPerWeek)} days / week`)}
          bucket={c.deploymentFrequency.bucket}
          trend="deployDays"
          trendColumn="days with a successful deployment"
          tickFormat={countTick}
        />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <DoraTile
          report={report}
          metric="leadTimeForChanges"
          name="dora-lead-time"
          title="Lead time for changes"
          unit="hours, median"
          howToRead={METHOD[lead.method]}
          value={formatHours(lead.p50)}
          detail={`p85 ${formatHours(lead.p85)} · n = ${lead.n} (${lead.commitSamples} from commit times, ${lead.itemDoneSamples} from done items)`}
          previous={before((p) => formatHours(p.leadTimeForChangesHours.p50))}
          bucket={lead.bucket}
          trend="leadTimeHours"
          trendColumn="lead time for changes, median (hours)"
          tickFormat={(v) => formatHours(v)}
          excluded={lead.excluded}
        />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <DoraTile
          report={report}
          metric="changeFailureRate"
          name="dora-change-failure-rate"
          title="Change failure rate"
          unit="% of successful deployments with an incident"
          howToRead="An incident counts against its team's last successful deployment before it opened, unless the data or a person says otherwise (see the table below)."
          value={formatShare(c.changeFailureRate.rate)}
          detail={`${c.changeFailureRate.deploymentsWithIncident} of ${plural(c.changeFailureRate.deployments, 'deployment')}`}
          previous={before((p) => formatShare(p.changeFailureRate.rate))}
          bucket={c.changeFailureRate.bucket}
          trend="changeFailureRate"
          trendColumn="change failure rate (%)"
          scale={(v) => v * 100}
          tickFormat={(v) => `${formatNumber(v, 0)} %`}
          excluded={c.changeFailureRate.excluded}
        />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <DoraTile
          report={report}
          metric="timeToRestore"
          name="dora-time-to-restore"
          title="Time to restore"
          unit="hours from incident opened to resolved, median"
          howToRead="How quickly service comes back. DORA 2023's variant counts from the causing deployment instead (shown beside it)."
          value={formatHours(ttr.p50)}
          detail={`p85 ${formatHours(ttr.p85)} · n = ${ttr.n} · from the causing deployment (2023): median ${formatHours(fdrt.p50)} (n = ${fdrt.n})`}
          previous={before((p) => formatHours(p.timeToRestoreHours.p50))}
          bucket={ttr.bucket}
          trend="timeToRestoreHours"
          trendColumn="time to restore, median (hours)"
          tickFormat={(v) => formatHours(v)}
          excluded={ttr.excluded}
        />
      </Grid>
    </Grid>
  );
}
