import type { Language } from './i18n/index.js';

export const DEFAULT_TIMEZONE = 'America/Guayaquil';

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const utcNoon = (date: string) => new Date(`${date}T12:00:00Z`);

/** "10–11 April 2008", in the UI language (calendar dates need no zone). */
export function formatDateRange(start: string, end: string, language: Language): string {
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  return start === end ? format.format(utcNoon(start)) : format.formatRange(utcNoon(start), utcNoon(end));
}

/** The zone's name and its offset on a given day: "America/Guayaquil (GMT-5)". */
export function zoneLabel(timeZone: string, at: Date): string {
  const offset = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  return offset ? `${timeZone} (${offset})` : timeZone;
}

/** An instant as wall-clock time in the event's zone, with the zone named. */
export function formatInstant(at: Date, timeZone: string, language: Language): string {
  const text = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(at);
  return `${text} ${zoneLabel(timeZone, at).replace(/^.*\((.*)\)$/, '($1)')}`;
}

export function dateAtNoon(date: string): Date {
  return utcNoon(date);
}

/** A day as milliseconds, for windows counted in days (not calendar arithmetic: that uses luxon in the event's zone). */
export const DAY_MS = 24 * 3_600_000;
