import { expect } from 'chai';
import { readFile, readdir } from 'node:fs/promises';
import {
  AUDIT_ACTIONS,
  describeHistory,
  sentenceKey,
  type AuditRecord,
} from '../../src/modules/audit/index.js';
import { ASSIGNMENT_STATUSES } from '../../src/modules/agenda/assignments/assignment.model.js';
import { EVENT_STATUSES } from '../../src/modules/events/event.model.js';
import { REGISTRATION_STATUSES } from '../../src/modules/registrations/registration.model.js';
import type { Actor } from '../../src/shared/actor.js';
import { catalogs, translatorFor, type Language } from '../../src/shared/i18n/index.js';
import { zoneName } from '../../src/shared/time.js';
import { formatDay } from '../../src/shared/zoned-time.js';

const AT = new Date('2008-04-10T14:30:00Z');
const ANA: Actor = { userId: 'u1', label: 'Ana Pérez', via: 'ui' };

const entry = (action: string, changes: AuditRecord['changes'] = [], actor: Actor = ANA): AuditRecord => ({
  at: AT,
  action,
  actor,
  changes,
});

const words = (language: Language, subjectType = 'event') => ({
  t: translatorFor(language),
  language,
  subjectType,
  zone: 'America/Guayaquil',
  rooms: new Map([['r1', 'Salón Plenario']]),
  people: new Map([['64b000000000000000000001', 'Rosa Quispe']]),
});

/** Every action the code records: `action:` values, the rooms' actions and the status moves. */
async function actionsWritten(): Promise<Set<string>> {
  const files = (await readdir('src', { recursive: true })).filter((f) => f.endsWith('.ts'));
  const found = new Set<string>();
  const statuses: Record<string, readonly string[]> = {
    event: EVENT_STATUSES,
    assignment: ASSIGNMENT_STATUSES,
    registration: REGISTRATION_STATUSES,
  };
  for (const file of files) {
    const source = await readFile(`src/${file}`, 'utf8');
    if (!/recordChange|changes\.record\(|saveRooms/.test(source)) continue;
    const snippets = [
      ...source.matchAll(/\baction:\s*([^,\n}]+)/g),
      ...source.matchAll(/const action =([^;]+);/g),
      ...source.matchAll(/saveRooms\([\s\S]*?\n\s*('event\.[a-z-]+'),/g),
    ].map((m) => m[1]!);
    for (const snippet of snippets) {
      for (const [, literal] of snippet.matchAll(/'([a-z-]+(?:\.[a-z-]+)+)'/g)) found.add(literal!);
      for (const [, kind] of snippet.matchAll(/`([a-z-]+)\.\$\{/g))
        for (const status of statuses[kind!] ?? []) found.add(`${kind}.${status}`);
    }
  }
  return found;
}

describe('audit: a record’s history in sentences, in the reader’s language', () => {
  it('knows every action Foro records, each with a sentence in Spanish, Portuguese and English', async () => {
    const written = await actionsWritten();
    expect(written.size, 'the scan finds the actions').to.be.greaterThan(40);
    expect(
      [...written].filter((action) => !(AUDIT_ACTIONS as readonly string[]).includes(action)),
    ).to.deep.equal([]);
    const keys = [
      ...AUDIT_ACTIONS.map(sentenceKey),
      'audit.did.assignment_confirmed-self',
      'audit.did.assignment_declined-self',
      'audit.did.other',
    ];
    for (const language of ['es', 'pt', 'en'] as const) {
      const did = catalogs[language].audit.did as Record<string, string>;
      const missing = keys.filter((key) => !did[key.slice('audit.did.'.length)]?.includes('{{'));
      expect(missing, language).to.deep.equal([]);
    }
  });

  it('says who did what to which record: names and words, never action keys or field paths', () => {
    const invited = entry('delegation.invited', [{ field: 'delegation:MX', from: null, to: 3 }]);
    expect(describeHistory([invited], words('es'))[0]).to.deep.include({
      sentence: 'Ana Pérez invitó a la delegación de México (cupo 3).',
      details: [],
      via: 'web',
      when: '10 abr 2008, 9:30 (GMT-5)',
    });
    expect(describeHistory([invited], words('pt'))[0]!.sentence).to.equal(
      'Ana Pérez convidou uma delegação nacional (México, cota de 3).',
    );
    expect(describeHistory([invited], words('en'))[0]!.sentence).to.equal(
      'Ana Pérez invited the delegation of Mexico (quota 3).',
    );
  });

  it('puts the changed fields under the sentence in the reader’s words', () => {
    const moved = entry(
      'session.moved',
      [
        { field: 'roomId', from: undefined, to: 'r1' },
        { field: 'startsAt', from: new Date('2008-04-10T14:00:00Z'), to: new Date('2008-04-10T16:00:00Z') },
      ],
      { label: 'ana@example.org', via: 'api' },
    );
    const [line] = describeHistory([moved], words('es', 'session'));
    expect(line!.sentence).to.equal('ana@example.org cambió la hora o la sala de la sesión.');
    expect(line!.details).to.deep.equal([
      'Sala: — → Salón Plenario',
      'Inicio: 10 abr 2008, 9:00 (GMT-5) → 10 abr 2008, 11:00 (GMT-5)',
    ]);
    const updated = entry('event.updated', [
      {
        field: 'title',
        from: { es: 'Foro', en: 'Forum' },
        to: { es: 'Foro Iberoamericano', en: 'Ibero-American Forum' },
      },
      { field: 'countries', from: ['EC', 'PE'], to: ['EC', 'MX'] },
    ]);
    expect(describeHistory([updated], words('en'))[0]!.details).to.deep.equal([
      'Title: Forum → Ibero-American Forum',
      'Participating countries: added Mexico',
      'Participating countries: removed Peru',
    ]);
  });

  it('names people in assignments, and lets people who answer by their link speak for themselves', () => {
    const confirmed = entry(
      'assignment.confirmed',
      [{ field: 'speaker:64b000000000000000000001', from: 'invited', to: 'confirmed' }],
      { label: 'Rosa Quispe (invitation link)', via: 'link' },
    );
    const created = entry('assignment.created', [
      { field: 'chair', from: null, to: 'Rosa Quispe (proposed)' },
    ]);
    const lines = describeHistory([confirmed, created], words('pt', 'session'));
    expect(lines.map((l) => l.sentence)).to.deep.equal([
      'Rosa Quispe confirmou sua participação como palestrante.',
      'Ana Pérez adicionou Rosa Quispe como presidente (a convidar).',
    ]);
  });

  it('puts the labels Foro writes for people without an account into the reader’s language', () => {
    const lines = describeHistory(
      [
        entry('registration.waitlisted', [], { label: 'Foro (waiting list)', via: 'system' }),
        entry('registration.updated', [], { label: 'registrant (private link)', via: 'link' }),
        entry('delegation.nominated', [], { label: 'focal point of BR (nomination link)', via: 'link' }),
      ],
      words('es', 'registration'),
    );
    expect(lines.map((l) => l.sentence)).to.deep.equal([
      'Foro (lista de espera) puso la inscripción en lista de espera.',
      'La persona inscrita actualizó sus necesidades y su viaje.',
      'El punto focal de Brasil designó a esta persona en la delegación.',
    ]);
  });

  it('falls back to a plain sentence for an action it does not know', () => {
    const [line] = describeHistory(
      [entry('widget.frobbed', [{ field: 'colourCode', from: 1, to: 2 }])],
      words('en'),
    );
    expect(line!.sentence).to.equal('Ana Pérez made a change to this record.');
    expect(line!.details).to.deep.equal(['Other detail: 1 → 2']);
    expect(JSON.stringify(line)).to.not.match(/widget|frobbed|colourCode/);
  });
});

describe('time: zones and days as people write them', () => {
  it('names a zone by its city and its offset on the event’s dates', () => {
    expect(zoneName('America/Guayaquil', AT, 'es')).to.equal('hora de Guayaquil (GMT-5)');
    expect(zoneName('America/Guayaquil', AT, 'pt')).to.equal('horário de Guayaquil (GMT-5)');
    expect(zoneName('America/Guayaquil', AT, 'en')).to.equal('Guayaquil time (GMT-5)');
    expect(zoneName('America/Sao_Paulo', AT, 'pt')).to.equal('horário de São Paulo (GMT-3)');
    expect(zoneName('America/Argentina/Buenos_Aires', AT, 'es')).to.equal('hora de Buenos Aires (GMT-3)');
    expect(zoneName('Europe/Madrid', new Date('2008-01-10T12:00:00Z'), 'en')).to.equal('Madrid time (GMT+1)');
    expect(zoneName('Europe/Madrid', AT, 'en')).to.equal('Madrid time (GMT+2)');
    expect(zoneName('UTC', AT, 'es')).to.equal('UTC');
  });

  it('writes a day as each language does: small letters in Spanish and Portuguese, UN English', () => {
    expect(formatDay('2008-04-10', 'es')).to.equal('jueves, 10 de abril de 2008');
    expect(formatDay('2008-04-10', 'pt')).to.equal('quinta-feira, 10 de abril de 2008');
    expect(formatDay('2008-04-10', 'en')).to.equal('Thursday, 10 April 2008');
  });
});
