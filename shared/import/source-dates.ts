// Dates as exporting tools write them. Never `new Date(text)`: its result depends on the engine and
// the machine's zone. Each shape below is read with an explicit pattern; a date without an offset is
// read as UTC (Jira and Azure DevOps write the exporting user's local time without saying which:
// docs/IMPORT.md says so). Hand-written rather than date-fns `parse` because that builds dates in
// the machine's local zone and costs ~10× more per call, and an import reads millions of dates.

/** Order of numeric dates like 01/02/24: day first (most of the world) or month first (en-US, Azure DevOps). */
export type DayOrder = 'dmy' | 'mdy';

const MONTHS: Record<string, number> = {};
function months(names: string, offset = 0): void {
  names.split(' ').forEach((group, i) => {
    for (const name of group.split('|')) MONTHS[name] = i + 1 + offset;
  });
}
// English, German, French, Spanish: full names and the abbreviations their exports use (accents stripped).
months('jan|january|januar|jan|janvier|janv|enero|ene|jän|jan feb|february|februar|fevrier|fevr|fev|febrero mar|march|marz|maerz|mars|marzo apr|april|avril|avr|abril|abr may|mai|mayo jun|june|juni|juin|junio jul|july|juli|juillet|juil|julio aug|august|aout|agosto|ago sep|sept|september|septembre|septiembre|setiembre oct|october|oktober|okt|octobre|octubre nov|november|novembre|noviembre dec|december|dezember|dez|decembre|diciembre|dic');

function monthNumber(name: string): number | undefined {
  const key = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\.$/, '');
  return MONTHS[key];
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([AaPp])\.?[Mm]\.?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const NAMED_DAY_FIRST = /^(\d{1,2})[/\- .]+([A-Za-z\u00C0-\u017F]{3,10}\.?)[/\- .,]+(\d{4}|\d{2})(?:[ ,T]+(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(?:([AaPp])\.?[Mm]\.?)?)?$/;
const NAMED_MONTH_FIRST = /^([A-Za-z\u00C0-\u017F]{3,10}\.?)\s+(\d{1,2}),?\s+(\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([AaPp])\.?[Mm]\.?)?)?$/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([AaPp])\.?[Mm]\.?)?)?$/;

function fullYear(text: string): number {
  const y = Number(text);
  if (text.length === 4) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

/**
 * The first year read. A year written with a leading zero (0024-03-12) is a slip, not a date an
 * export holds; Date.UTC would even read 0–99 as 1900–1999 and store 1924 without a word.
 */
const FIRST_YEAR = 1000;

function daysIn(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function hours24(hourText: string | undefined, meridiem: string | undefined): number | null {
  if (hourText === undefined) return 0;
  const h = Number(hourText);
  if (meridiem === undefined) return h <= 23 ? h : null;
  if (h < 1 || h > 12) return null;
  const pm = meridiem === 'p' || meridiem === 'P';
  return (h % 12) + (pm ? 12 : 0);
}

function offsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 18 * 60) return null;
  return m[1] === '-' ? -minutes : minutes;
}

function build(
  year: number,
  month: number,
  day: number,
  hourText: string | undefined,
  minuteText: string | undefined,
  secondText: string | undefined,
  meridiem: string | undefined,
  fraction = '',
  offset = 0,
): number | null {
  if (year < FIRST_YEAR || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  const hour = hours24(hourText, meridiem);
  const minute = Number(minuteText ?? 0);
  const second = Number(secondText ?? 0);
  if (hour === null || minute > 59 || second > 59) return null;
  const ms = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
}

/** The two digits at `at` as a number, or -1 (straight-line: a loop here cost a third of the fast path). */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/**
 * "2024-03-12T15:45:00", optionally ".000", then "Z", "+0100" or "-05:30" (Interlock's own form and
 * Jira's REST form, most dates of a big file) read by character codes. Undefined when the text is
 * not exactly one of those shapes, so the patterns below decide it; the same answer as they give.
 */
function canonicalIso(text: string): number | null | undefined {
  // - - T : : compared inline (this runs once per date of a big file).
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  let zone = 19;
  let ms = 0;
  if (text.charCodeAt(19) === 46 /* . */) {
    const tens = twoDigits(text, 20);
    const last = text.charCodeAt(22) - 48;
    ms = tens < 0 || last < 0 || last > 9 ? -1 : tens * 10 + last;
    zone = 23;
  }
  const sign = text.charCodeAt(zone);
  const rest = text.length - zone;
  let offset = 0;
  if (rest === 5 || (rest === 6 && text.charCodeAt(zone + 3) === 58)) {
    if (sign !== 43 /* + */ && sign !== 45 /* - */) return undefined;
    const hours = twoDigits(text, zone + 1);
    const minutes = twoDigits(text, text.length - 2);
    if (hours < 0 || minutes < 0) return undefined;
    offset = hours * 60 + minutes;
    if (offset > 18 * 60) return null;
    if (sign === 45) offset = -offset;
  } else if (rest !== 1 || sign !== 90 /* Z */) return undefined;
  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (century < 0 || yearOfCentury < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || ms < 0) return undefined;
  const year = century * 100 + yearOfCentury;
  if (year < FIRST_YEAR || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (day > 28 && day > daysIn(year, month)) return null;
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + (minute - offset) * 60_000 + second * 1000 + ms;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil), the
 * calendar Date.UTC counts in: the same number, without its call into the runtime (about half
 * of this fast path's time, a million dates per big import).
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/**
 * Reads one date as epoch milliseconds (UTC), or null when it has none of the known shapes or is
 * not a real date (31 April, 25:00). `dayOrder` decides numeric dates like 01/02/24; dotted
 * numeric dates (12.03.2024) are always day first.
 */
export function readSourceDate(raw: string, dayOrder: DayOrder = 'dmy'): number | null {
  const text = raw.trim();
  if (text.length < 6 || text.length > 40) return null;
  // Fast path for the forms Interlock and Jira's REST API write: most rows of a big file.
  if (text.length >= 20 && text.length <= 29 && text.charCodeAt(10) === 84 /* T */) {
    const fast = canonicalIso(text);
    if (fast !== undefined) return fast;
  }
  let m = ISO.exec(text);
  if (m) {
    const offset = offsetMinutes(m[9]);
    if (offset === null) return null;
    return build(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6], m[8], m[7], offset);
  }
  m = NAMED_DAY_FIRST.exec(text);
  if (m) {
    const month = monthNumber(m[2]!);
    return month === undefined ? null : build(fullYear(m[3]!), month, Number(m[1]), m[4], m[5], m[6], m[7]);
  }
  m = NAMED_MONTH_FIRST.exec(text);
  if (m) {
    const month = monthNumber(m[1]!);
    return month === undefined ? null : build(Number(m[3]), month, Number(m[2]), m[4], m[5], m[6], m[7]);
  }
  m = NUMERIC.exec(text);
  if (m) {
    const dayFirst = m[2] === '.' || dayOrder === 'dmy';
    const a = Number(m[1]);
    const b = Number(m[3]);
    return build(fullYear(m[4]!), dayFirst ? b : a, dayFirst ? a : b, m[5], m[6], m[7], m[8]);
  }
  return null;
}

/**
 * Why a value written in the shape of a date Interlock reads (2024-02-31T16:00:00Z, 31/Feb/24,
 * 31/02/2024 in the file's order) is still not a date — the day or month does not exist, the month's
 * name is unknown, or the time is not a time of day — to say so instead of asking for a form the
 * value is already in; null for any other value, and for a numeric date the other day order reads
 * (the caller says to switch order instead).
 */
export function whyDateShapedIsNoDate(raw: string, dayOrder: DayOrder = 'dmy'): string | null {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (iso) return whyNoDate(Number(iso[1]), Number(iso[2]), iso[2]!, Number(iso[3]), iso[4], iso[5], iso[6], undefined);
  let m = NAMED_DAY_FIRST.exec(text);
  if (m) return whyNamed(m[2]!, fullYear(m[3]!), Number(m[1]), m[4], m[5], m[6], m[7]);
  m = NAMED_MONTH_FIRST.exec(text);
  if (m) return whyNamed(m[1]!, Number(m[3]), Number(m[2]), m[4], m[5], m[6], m[7]);
  m = NUMERIC.exec(text);
  if (m) {
    const dayFirst = m[2] === '.' || dayOrder === 'dmy';
    if (m[2] !== '.' && readSourceDate(text, dayOrder === 'dmy' ? 'mdy' : 'dmy') !== null) return null;
    const [day, month] = dayFirst ? [m[1]!, m[3]!] : [m[3]!, m[1]!];
    return whyNoDate(fullYear(m[4]!), Number(month), month, Number(day), m[5], m[6], m[7], m[8]);
  }
  return null;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function whyNamed(name: string, year: number, day: number, hour?: string, minute?: string, second?: string, meridiem?: string): string | null {
  const month = monthNumber(name);
  if (month === undefined) return `"${name}" is not a month name Interlock knows (English, German, French or Spanish)`;
  return whyNoDate(year, month, String(month), day, hour, minute, second, meridiem);
}

function whyNoDate(year: number, month: number, monthText: string, day: number, hour?: string, minute?: string, second?: string, meridiem?: string): string | null {
  if (month < 1 || month > 12) return `there is no month ${monthText}`;
  if (year < FIRST_YEAR) return `the year ${year} is not one an export holds (a slip for ${year < 100 ? 2000 + year : 'a year with four digits'}?)`;
  const days = daysIn(year, month);
  if (day < 1 || day > days) return `${MONTH_NAMES[month - 1]} ${year} has ${days} days`;
  if (minute !== undefined && (hours24(hour, meridiem) === null || Number(minute) > 59 || Number(second ?? 0) > 59)) {
    return `${hour}:${minute}${second === undefined ? '' : `:${second}`}${meridiem ? ` ${meridiem.toUpperCase()}M` : ''} is not a time of day`;
  }
  return null;
}

/**
 * Tells the order of numeric dates from sample values: a first number above 12 proves day first, a
 * second above 12 proves month first. Null when the samples prove neither (or contradict).
 */
export function guessDayOrder(samples: Iterable<string>): DayOrder | null {
  return dayOrderProof(samples)?.order ?? null;
}

/** The order the samples prove (see `guessDayOrder`) with the first value that proves it (`18/01/2025`), to name it. */
export function dayOrderProof(samples: Iterable<string>): { order: DayOrder; value: string } | null {
  let dayFirst: string | null = null;
  let monthFirst: string | null = null;
  for (const raw of samples) {
    const text = raw.trim();
    const m = NUMERIC.exec(text);
    if (!m || m[2] === '.') continue;
    if (Number(m[1]) > 12) dayFirst ??= text;
    if (Number(m[3]) > 12) monthFirst ??= text;
  }
  if ((dayFirst === null) === (monthFirst === null)) return null;
  return dayFirst !== null ? { order: 'dmy', value: dayFirst } : { order: 'mdy', value: monthFirst! };
}

/** True when the text is a numeric date whose order matters (both numbers ≤ 12, e.g. 01/02/24). */
export function isAmbiguousNumericDate(raw: string): boolean {
  const m = NUMERIC.exec(raw.trim());
  return !!m && m[2] !== '.' && Number(m[1]) <= 12 && Number(m[3]) <= 12 && m[1] !== m[3];
}
