import { instantToLocal } from '../../../shared/zoned-time.js';
import type { SessionView } from '../agenda.views.js';
import { filled, many } from '../../../web/forms.js';

const LANGS = ['es', 'pt', 'en'] as const;

const FLAT = new Set([
  ...LANGS.flatMap((l) => [`title_${l}`, `description_${l}`]),
  'type',
  'roomId',
  'date',
  'start',
  'end',
  'theme',
  'language',
  'interpretation',
  'expectedAttendance',
  'capacity',
  'status',
  'revision',
]);

/**
 * The session form's flat fields as schema input. Blank optional fields are left out when
 * creating and cleared (`null`) when editing; unknown fields pass through to be named.
 */
export function sessionInputFromForm(
  body: Record<string, unknown>,
  mode: 'create' | 'edit',
): Record<string, unknown> {
  const blank = mode === 'create' ? undefined : null;
  const opt = (key: string) => filled(body[key]) ?? blank;
  const tri = (prefix: string) =>
    Object.fromEntries(LANGS.map((l) => [l, filled(body[`${prefix}_${l}`])]).filter(([, v]) => v));
  const description = tri('description');
  const out: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(body).filter(([key]) => !FLAT.has(key))),
    type: body['type'],
    title: tri('title'),
    description: Object.keys(description).length > 0 ? description : blank,
    roomId: opt('roomId'),
    date: opt('date'),
    start: opt('start'),
    end: opt('end'),
    theme: opt('theme'),
    language: opt('language'),
    interpretation: many(body['interpretation']),
    expectedAttendance: opt('expectedAttendance'),
    capacity: opt('capacity'),
    status: filled(body['status']),
    revision: filled(body['revision']),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

export function formValuesOfSession(session: SessionView, timeZone: string): Record<string, unknown> {
  const start = session.startsAt && instantToLocal(session.startsAt, timeZone);
  const end = session.endsAt && instantToLocal(session.endsAt, timeZone);
  return {
    type: session.type,
    ...Object.fromEntries(
      LANGS.flatMap((l) => [
        [`title_${l}`, session.title[l] ?? ''],
        [`description_${l}`, session.description[l] ?? ''],
      ]),
    ),
    roomId: session.roomId ?? '',
    date: start ? start.date : '',
    start: start ? start.time : '',
    end: end ? end.time : '',
    theme: session.theme ?? '',
    language: session.language ?? '',
    interpretation: session.interpretation,
    expectedAttendance: session.expectedAttendance ?? '',
    capacity: session.capacity ?? '',
    status: session.status,
    revision: session.revision,
  };
}

export function sessionFieldName(field: string): string {
  return field
    .replace(/^(title|description)\.(\w+)$/, '$1_$2')
    .replace(/^interpretation\.\d+$/, 'interpretation');
}
