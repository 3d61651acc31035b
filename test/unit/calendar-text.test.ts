import { expect } from 'chai';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { calendarText, foldLines } from '../../src/modules/calendar/calendar-text.js';

/** ical-generator 10's own folding, character by character, as the reference. */
function referenceFold(input: string): string {
  return input
    .split('\r\n')
    .map((line) => {
      let result = '';
      let octets = 0;
      for (let i = 0; i < line.length; i++) {
        let ch = line.charAt(i);
        if (ch >= '\ud800' && ch <= '\udbff') ch += line.charAt(++i);
        const size = new TextEncoder().encode(ch).length;
        octets += size;
        if (octets > 74) {
          result += '\r\n ';
          octets = size;
        }
        result += ch;
      }
      return result;
    })
    .join('\r\n');
}

const PIECES = [
  'a',
  'Migración',
  ' ',
  'ção',
  '€',
  '漢字',
  '😀',
  '\ud83d',
  '\ude00',
  ',',
  ';',
  'x'.repeat(30),
];

describe('calendar text: the same bytes as ical-generator, folded fast', () => {
  it('folds lines exactly as ical-generator 10 does, accents, emoji and broken surrogates included', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let n = 0; n < 500; n += 1) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
        Array.from(
          { length: Math.floor(random() * 60) },
          () => PIECES[Math.floor(random() * PIECES.length)],
        ).join(''),
      );
      const input = lines.join('\r\n');
      expect(foldLines(input), JSON.stringify(input)).to.equal(referenceFold(input));
    }
  });

  it('writes a whole calendar as ical-generator does, time zones, people and long descriptions included', () => {
    const zone = 'America/Guayaquil';
    const make = () =>
      ical({ name: 'Foro · Cuenca', method: ICalCalendarMethod.REQUEST, ttl: 3600 }).timezone({
        name: null,
        generator: (tz: string) => {
          const block = tzlib_get_ical_block(tz);
          return Array.isArray(block) ? (block[0] ?? null) : null;
        },
      });
    const calendar = make();
    for (let i = 0; i < 40; i += 1) {
      const event = calendar.createEvent({
        id: `s${i}@foro`,
        sequence: i % 3,
        stamp: new Date('2008-03-01T12:00:00Z'),
        start: DateTime.fromISO('2008-04-10T09:00', { zone }).plus({ minutes: 30 * i }),
        end: DateTime.fromISO('2008-04-10T10:00', { zone }).plus({ minutes: 30 * i }),
        timezone: i % 5 === 0 ? 'Europe/Madrid' : zone,
        summary: `Sesión ${i}: migración, desarrollo y remesas; “comillas” 😀`,
        location: 'Salón Plenario, Centro de Convenciones Mall del Río, Cuenca, Ecuador',
        description: `Ponente: Dra. María José Núñez Gonçalves (CEPAL, Chile)\nComentarista: Sr. João Araújo\n${'Texto largo '.repeat(i)}`,
        url: `https://foro.example/events/cuenca-2008/programme#session-s${i}`,
      });
      event.organizer({ name: 'Foro — CELADE', email: 'foro@cepal.example' });
      event.createAttendee({ name: 'Ana Pereira', email: 'ana@example.org', rsvp: false });
    }
    expect(calendarText(calendar, make())).to.equal(calendar.toString());
    const empty = make();
    expect(calendarText(empty, make())).to.equal(empty.toString());
  });
});
