import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { countryName } from '../../../shared/countries.js';
import { neutralizeCell } from '../../../shared/csv.js';
import type { Language } from '../../../shared/i18n/index.js';
import { getPeople } from '../../people/index.js';
import { Registration } from '../registration.model.js';

const BATCH = 200;
const line = (cells: (string | undefined)[]) => stringify([cells.map((cell) => neutralizeCell(cell ?? ''))]);

/**
 * The rooming list as CSV: confirmed people with a hotel or an arrival date, in order of
 * registration, written a batch at a time as it is read (a spreadsheet sorts it by hotel).
 */
export async function writeRoomingCsv(out: Writable, eventId: string, language: Language): Promise<void> {
  out.write(
    `\uFEFF${line(['hotel', 'given_name', 'family_name', 'country', 'arrival_date', 'departure_date', 'airport_transfer'])}`,
  );
  const rows = Registration.find({ eventId, status: 'confirmed' }).lean().cursor({ batchSize: BATCH });
  let batch: { personId: string; travel?: Record<string, unknown> | null; countryRepresented?: string | null }[] = [];
  const flush = async () => {
    const people = new Map((await getPeople(batch.map((r) => r.personId))).map((p) => [p.id, p]));
    let text = '';
    for (const r of batch) {
      const person = people.get(r.personId);
      const travel = (r.travel ?? {}) as {
        hotel?: string;
        arrivalDate?: string;
        departureDate?: string;
        airportTransfer?: boolean;
      };
      text += line([
        travel.hotel,
        person?.givenName,
        person?.familyName,
        r.countryRepresented ? countryName(r.countryRepresented, language) : '',
        travel.arrivalDate,
        travel.departureDate,
        travel.airportTransfer ? 'yes' : 'no',
      ]);
    }
    batch = [];
    if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
  };
  for await (const doc of rows) {
    if (!doc.travel?.hotel && !doc.travel?.arrivalDate) continue;
    batch.push(doc);
    if (batch.length === BATCH) await flush();
  }
  if (batch.length > 0) await flush();
}
