import type { Writable } from 'node:stream';
import { mapped } from '../../../shared/async-iterables.js';
import { streamCsv } from '../../../shared/csv.js';
import { translatedOnce, type Language, type Translate } from '../../../shared/i18n/index.js';
import { countryName } from '../../../shared/countries.js';
import { peopleOf } from './listing.js';
import { Registration } from '../registration.model.js';
import type { RegistrationFilter } from '../registration.service.js';
import { toRegistrationView } from '../registration.views.js';

/**
 * Writes an event's registrations as CSV in the order they are stored (about the order of
 * registration), a batch at a time as they are read (never the whole file in memory). Addresses
 * and phones only with `contactDetails`; passport data never (it stays on its own page, for admins).
 */
export async function writeRegistrationsCsv(
  out: Writable,
  eventId: string,
  filter: RegistrationFilter,
  options: { contactDetails: boolean; t: Translate; language: Language },
): Promise<void> {
  const header = [
    'honorific',
    'given_name',
    'family_name',
    ...(options.contactDetails ? ['email', 'phone'] : []),
    'organization',
    'position',
    'country',
    'category',
    'status',
    'status_since',
    'interpretation',
    'accessibility',
    'diet',
    'arrival_date',
    'departure_date',
    'flight',
    'hotel',
    'airport_transfer',
    'visa_letter',
  ];
  const query: Record<string, unknown> = { eventId };
  if (filter.status) query['status'] = filter.status;
  if (filter.category) query['category'] = filter.category;
  // Read in batches of the export's own size, not whole (the default for reads), and unsorted:
  // FerretDB sorts a whole result in memory and sent it back in batches of up to 16 MB (259 MB
  // of this process at 100,000 rows, against 1 MB unsorted). A spreadsheet sorts the file.
  // Without the name keys (a search's, not the file's): every byte read here is garbage soon
  // after, and garbage made fast enough outlives the young generation and lifts the heap.
  const rows = Registration.find(query, { nameKeys: 0 }).lean().cursor({ batchSize: 200 });
  // A handful of categories and statuses, translated once each rather than once a row.
  const label = translatedOnce(options.t);
  await streamCsv(out, header, mapped(rows, toRegistrationView), async (batch) => {
    const people = await peopleOf(batch);
    return batch.map((r) => {
      const p = people.get(r.personId);
      return [
        p?.honorific,
        p?.givenName,
        p?.familyName,
        ...(options.contactDetails ? [p?.email, p?.phone] : []),
        p?.organization,
        p?.position,
        r.countryRepresented ? countryName(r.countryRepresented, options.language) : '',
        label(`registrations.categories.${r.category}`),
        label(`registrations.statuses.${r.status}`),
        r.statusAt.toISOString(),
        r.needs.interpretation.join(' '),
        r.needs.accessibility,
        r.needs.diet,
        r.travel.arrivalDate,
        r.travel.departureDate,
        r.travel.flight,
        r.travel.hotel,
        r.travel.airportTransfer ? 'yes' : 'no',
        r.visaLetter ? 'yes' : 'no',
      ];
    });
  });
}
