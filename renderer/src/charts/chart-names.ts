// The charts each metrics page draws, by their data-chart name: the page waits for all of them
// before marking "charts drawn", and the e2e tests and the benchmark check each one drew marks.

export const FLOW_CHARTS = [
  'throughput',
  'cycle-time-scatter',
  'lead-time-histogram',
  'cycle-time-histogram',
  'cumulative-flow',
  'wip',
  'ageing-wip',
  'flow-efficiency',
  'flow-distribution',
  'dependency-ageing',
  'dependency-resolution',
] as const;

export const DELIVERY_CHARTS = ['dora-deployment-frequency', 'dora-lead-time', 'dora-change-failure-rate', 'dora-time-to-restore'] as const;
