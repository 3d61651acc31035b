import { IBERO_AMERICAN_STATES } from '../../shared/countries.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import type { EventView } from './event.views.js';
import { filled, many } from '../../web/forms.js';

/**
 * HTML forms post flat fields (`title_es`, `venue_city`…); these turn them into the
 * nested input the schemas (shared with the JSON API) expect, and back.
 */

const trilingualFrom = (body: Record<string, unknown>, prefix: string) =>
  Object.fromEntries(
    LANGUAGES.map((l) => [l, filled(body[`${prefix}_${l}`])]).filter(([, v]) => v !== undefined),
  );

const KNOWN_FIELDS = new Set([
  ...LANGUAGES.flatMap((l) => [`title_${l}`, `description_${l}`, `organizers_${l}`]),
  'slug',
  'venue_name',
  'venue_address',
  'venue_city',
  'venue_country',
  'timezone',
  'startDate',
  'endDate',
  'languages',
  'countries',
  'sender_name',
  'sender_address',
  'sender_replyTo',
  'preset',
  'revision',
]);

const SENDER_PARTS = ['name', 'address', 'replyTo'] as const;

/** Whether the form has the sender's fields (the event form does; a form without them changes nothing). */
const sentWith = (body: Record<string, unknown>) => SENDER_PARTS.some((part) => `sender_${part}` in body);

const withoutBlankParts = (body: Record<string, unknown>) =>
  Object.fromEntries(
    SENDER_PARTS.map((part) => [part, filled(body[`sender_${part}`])]).filter(([, v]) => v !== undefined),
  );

export function eventInputFromForm(body: Record<string, unknown>): Record<string, unknown> {
  const unknown = Object.keys(body).filter((key) => !KNOWN_FIELDS.has(key));
  const countries = new Set(many(body['countries']));
  if (body['preset'] === 'ibero-american') IBERO_AMERICAN_STATES.forEach((code) => countries.add(code));
  const venue = {
    name: filled(body['venue_name']),
    address: filled(body['venue_address']),
    city: filled(body['venue_city']),
    country: filled(body['venue_country']),
  };
  return {
    // Unknown fields are passed through so the strict schema names them.
    ...Object.fromEntries(unknown.map((key) => [key, body[key]])),
    slug: body['slug'],
    title: trilingualFrom(body, 'title'),
    description: trilingualFrom(body, 'description'),
    organizers: trilingualFrom(body, 'organizers'),
    venue: Object.fromEntries(Object.entries(venue).filter(([, v]) => v !== undefined)),
    timezone: filled(body['timezone']),
    startDate: body['startDate'],
    endDate: body['endDate'],
    languages: many(body['languages']),
    countries: [...countries],
    // A blank part of the sender is the configuration's: left out, not stored empty.
    ...(sentWith(body) && { sender: withoutBlankParts(body) }),
    ...(filled(body['revision']) && { revision: body['revision'] }),
  };
}

/** The values an event form shows: from the stored event, or as typed when it comes back with errors. */
export function formValuesOf(event: EventView): Record<string, unknown> {
  return {
    slug: event.slug,
    ...Object.fromEntries(
      LANGUAGES.flatMap((l) => [
        [`title_${l}`, event.title[l] ?? ''],
        [`description_${l}`, event.description[l] ?? ''],
        [`organizers_${l}`, event.organizers[l] ?? ''],
      ]),
    ),
    venue_name: event.venue.name ?? '',
    venue_address: event.venue.address ?? '',
    venue_city: event.venue.city ?? '',
    venue_country: event.venue.country ?? '',
    timezone: event.timezone,
    startDate: event.startDate,
    endDate: event.endDate,
    languages: event.languages,
    countries: event.countries,
    sender_name: event.sender.name ?? '',
    sender_address: event.sender.address ?? '',
    sender_replyTo: event.sender.replyTo ?? '',
    revision: event.revision,
  };
}

/** Field names of the nested input mapped back to the form's flat names, for error messages. */
export function formFieldName(field: string): string {
  return field
    .replace(/^(title|description|organizers|venue|sender)\.(\w+)$/, '$1_$2')
    .replace(/^(countries|languages)\.\d+$/, '$1');
}

export function roomInputFromForm(body: Record<string, unknown>): Record<string, unknown> {
  const { interpretation, capacity, ...rest } = body;
  return { ...rest, capacity: filled(capacity), interpretation: many(interpretation) };
}
