import type { Writable } from 'node:stream';
import { countryName } from '../../../shared/countries.js';
import { streamCsv } from '../../../shared/csv.js';
import type { Language } from '../../../shared/i18n/index.js';
import { peopleOf } from '../lists/listing.js';
import { Registration } from '../registration.model.js';
import { onRoomingList, toRegistrationView } from '../registration.views.js';

const HEADER = ['hotel', 'given_name', 'family_name', 'country', 'arrival_date', 'departure_date', 'airport_transfer'];

/** Confirmed registrations on the rooming list, as they are read. */
async function* travelling(eventId: string) {
  const rows = Registration.find({ eventId, status: 'confirmed' }).lean().cursor({ batchSize: 200 });
  for await (const doc of rows) if (onRoomingList(doc.travel)) yield toRegistrationView(doc);
}

/**
 * The rooming list as CSV: confirmed people with a hotel or an arrival date, in order of
 * registration, written a batch at a time as it is read (a spreadsheet sorts it by hotel).
 */
export async function writeRoomingCsv(out: Writable, eventId: string, language: Language): Promise<void> {
  await streamCsv(out, HEADER, travelling(eventId), async (batch) => {
    const people = await peopleOf(batch);
    return batch.map((r) => {
      const person = people.get(r.personId);
      const country = r.countryRepresented ?? person?.country;
      return [
      r.travel.hotel,
      person?.givenName,
      person?.familyName,
      country ? countryName(country, language) : '',
      r.travel.arrivalDate,
      r.travel.departureDate,
      r.travel.airportTransfer ? 'yes' : 'no',
    ];
    });
  });
}
