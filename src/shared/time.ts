import { INTL_LOCALE, translatorFor, type Language } from './i18n/index.js';
import { offsetLabel } from './zoned-time.js';

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
  const format = new Intl.DateTimeFormat(INTL_LOCALE[language], { dateStyle: 'long', timeZone: 'UTC' });
  return start === end ? format.format(utcNoon(start)) : format.formatRange(utcNoon(start), utcNoon(end));
}

/**
 * Cities whose name people write differently from the zone's identifier (accents, or another
 * language's name); any other city is the identifier's last part, with spaces for underscores.
 */
const CITIES: Record<string, Partial<Record<Language, string>>> = {
  'America/Sao_Paulo': { es: 'São Paulo', pt: 'São Paulo', en: 'São Paulo' },
  'America/Bogota': { es: 'Bogotá', pt: 'Bogotá', en: 'Bogotá' },
  'America/Asuncion': { es: 'Asunción', pt: 'Assunção', en: 'Asunción' },
  'America/Mexico_City': { es: 'Ciudad de México', pt: 'Cidade do México', en: 'Mexico City' },
  'America/Panama': { es: 'Panamá', pt: 'Panamá' },
  'America/Havana': { es: 'La Habana', pt: 'Havana' },
  'America/New_York': { es: 'Nueva York', pt: 'Nova York' },
  'America/Argentina/Buenos_Aires': { pt: 'Buenos Aires' },
  'Europe/Lisbon': { es: 'Lisboa', pt: 'Lisboa' },
  'Europe/London': { es: 'Londres', pt: 'Londres' },
  'Europe/Brussels': { es: 'Bruselas', pt: 'Bruxelas' },
  'Europe/Geneva': { es: 'Ginebra', pt: 'Genebra' },
  'Europe/Zurich': { es: 'Zúrich', pt: 'Zurique' },
  'Europe/Paris': { es: 'París' },
  'Europe/Rome': { es: 'Roma', pt: 'Roma' },
  'Atlantic/Canary': { es: 'Canarias', pt: 'Canárias', en: 'Canary Islands' },
};

function cityOf(timeZone: string, language: Language): string {
  return CITIES[timeZone]?.[language] ?? (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ');
}

/**
 * A time zone as people say it, with its offset at that instant (the event's dates):
 * "hora de Guayaquil (GMT-5)", "horário de Guayaquil (GMT-5)", "Guayaquil time (GMT-5)".
 * Coordinated universal time is just "UTC".
 */
export function zoneName(timeZone: string, at: Date, language: Language): string {
  if (timeZone === 'UTC') return 'UTC';
  return translatorFor(language)('time.zone', {
    city: cityOf(timeZone, language),
    offset: offsetLabel(at, timeZone),
  });
}

/** An instant as wall-clock time in the event's zone, with the zone's offset ("(GMT-5)", or "(UTC)"). */
export function formatInstant(at: Date, timeZone: string, language: Language): string {
  const text = new Intl.DateTimeFormat(INTL_LOCALE[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(at);
  return `${text} (${timeZone === 'UTC' ? 'UTC' : offsetLabel(at, timeZone)})`;
}

export function dateAtNoon(date: string): Date {
  return utcNoon(date);
}

/** A day as milliseconds, for windows counted in days (not calendar arithmetic: that uses luxon in the event's zone). */
export const DAY_MS = 24 * 3_600_000;
