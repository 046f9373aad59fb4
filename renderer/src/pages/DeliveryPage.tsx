import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import { keepPreviousData } from '@tanstack/react-query';
import { useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { ChartsDrawnProvider } from '../charts/charts-drawn';
import { DoraTiles } from '../delivery/DoraTiles';
import { IncidentTable } from '../delivery/IncidentTable';
import { MetricsLoading, MetricsPageHeader, NoDataYet, useMetricsScope } from '../flow/MetricsPageFrame';
import { DELIVERY_CHARTS } from '../charts/chart-names';
import { DEFAULT_TEAM_PICKERS } from '../flow/scope-state';

/** The team pickers of the metrics pages: teams, value streams and coordination groups. */
const PICKERS = DEFAULT_TEAM_PICKERS;


export function DeliveryPage() {
  const { input, ready, options, filters, optionsError } = useMetricsScope(PICKERS);
  const report = useChannelQuery('metrics.delivery', input, { enabled: ready, placeholderData: keepPreviousData });
  const saveSettings = useChannelMutation('metrics.saveSettings');
  const r = report.data;
  const settings = options?.settings;
  return (
    <>
      <MetricsPageHeader
        title="Delivery"
        scope={r?.scope}
        allTypes={options?.itemTypes.length ?? 0}
        actions={
          settings && (
            <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }} data-tool>
              <Tooltip title="Which State of DevOps report's benchmark buckets to show beside each figure">
                <ToggleButtonGroup size="small" exclusive value={settings.doraReport} onChange={(_e, report) => report && saveSettings.mutate({ doraReport: report })} aria-label="DORA report">
                  <ToggleButton value="2021">DORA 2021</ToggleButton>
                  <ToggleButton value="2023">DORA 2023</ToggleButton>
                </ToggleButtonGroup>
              </Tooltip>
              <TextField
                select
                size="small"
                label="Elite deployment days"
                value={settings.eliteDeployDaysPerWeek}
                onChange={(e) => saveSettings.mutate({ eliteDeployDaysPerWeek: Number(e.target.value) })}
                sx={{ minWidth: 170 }}
              >
                {[3, 5, 7].map((n) => (
                  <MenuItem key={n} value={n}>
                    ≥ {n} a week
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
          )
        }
      />
      {filters}
      <MetricsLoading loading={report.isFetching} error={report.error ?? optionsError ?? saveSettings.error} title="The delivery metrics could not be computed" />
      {options && options.asOf === null && <NoDataYet />}
      {r && (
        <ChartsDrawnProvider mark="interlock:delivery-charts-drawn" expected={DELIVERY_CHARTS} dataKey={r}>
          <DoraTiles report={r} />
          <Box sx={{ mt: 2 }}>
            <IncidentTable report={r} />
          </Box>
        </ChartsDrawnProvider>
      )}
    </>
  );
}
