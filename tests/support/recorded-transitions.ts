import type { RecordedTransitions } from '../../shared/metrics/metrics-dataset';

export const DAY = 86_400_000;

/** Status changes as an import records them, from [item index, day, category code] rows. */
export function recordedRows(rows: readonly (readonly [item: number, day: number, category: number])[]): RecordedTransitions {
  return {
    item: Int32Array.from(rows, (r) => r[0]),
    at: Float64Array.from(rows, (r) => r[1] * DAY),
    category: Uint8Array.from(rows, (r) => r[2]),
  };
}
