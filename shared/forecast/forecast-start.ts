import { MS_PER_DAY } from '../domain/time';

/**
 * Said beside a forecast whose first day is on or before the data's last day (a start typed in the
 * past): it simulates days that already happened, from a history window that holds them, so its
 * answer is neither a forecast nor a test of one. Null for a start after the data, the usual case.
 * Both dates are calendar dates (YYYY-MM-DD), as the provenance gives them.
 */
export function startInDataNote(start: string, dataLastDay: string): string | null {
  if (start > dataLastDay) return null;
  const days = Math.round((Date.parse(`${dataLastDay}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / MS_PER_DAY) + 1;
  const span = days === 1 ? `its first day (${start}) is already in the data` : `its first ${days.toLocaleString('en-US')} days (${start} – ${dataLastDay}) are already in the data`;
  return `The forecast starts on ${start}, before the data ends (${dataLastDay}): ${span}, and the history it draws from holds them, so it is no test of the forecast. To see how the forecast would have done, use the backtest; to forecast, start after ${dataLastDay}.`;
}
