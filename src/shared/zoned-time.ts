import { DateTime } from 'luxon';
import { INTL_LOCALE, type Language } from './i18n/index.js';

/**
 * Wall-clock time in an event's zone ⇄ instants (stored in UTC). Luxon does the zone rules,
 * so the result never depends on the zone of the process.
 */
export function localToInstant(date: string, time: string, timeZone: string): Date | undefined {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  if (!local.isValid) return undefined;
  // A time skipped by a daylight-saving change does not exist; luxon would shift it silently.
  if (local.toFormat('yyyy-MM-dd') !== date || local.toFormat('HH:mm') !== time.slice(0, 5)) return undefined;
  return local.toJSDate();
}

export function instantToLocal(at: Date, timeZone: string): { date: string; time: string } {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') };
}

/** The offset of the zone at that instant, as shown next to times: "GMT-5". */
export function offsetLabel(at: Date, timeZone: string): string {
  const offset = DateTime.fromJSDate(at, { zone: timeZone }).toFormat('ZZ');
  if (offset === '+00:00') return 'GMT';
  const [, sign, hours, minutes] = /^([+-])(\d\d):(\d\d)$/.exec(offset) ?? [];
  return `GMT${sign}${Number(hours)}${minutes === '00' ? '' : `:${minutes}`}`;
}

/** "09:00–10:30 (GMT-5)" */
export function formatTimeRange(start: Date, end: Date, timeZone: string): string {
  return `${instantToLocal(start, timeZone).time}–${instantToLocal(end, timeZone).time} (${offsetLabel(start, timeZone)})`;
}

/**
 * "jueves, 10 de abril de 2008", "quinta-feira, 10 de abril de 2008", "Thursday, 10 April 2008":
 * a calendar day of the event, capitalised as each language writes it (headings show it as is).
 */
export function formatDay(date: string, language: Language): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** Every calendar date from start to end, inclusive. */
export function datesBetween(start: string, end: string): string[] {
  const days: string[] = [];
  let day = DateTime.fromISO(start, { zone: 'UTC' });
  const last = DateTime.fromISO(end, { zone: 'UTC' });
  while (day <= last && days.length < 62) {
    days.push(day.toFormat('yyyy-MM-dd'));
    day = day.plus({ days: 1 });
  }
  return days;
}
