import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { neutralizeCell } from '../../../shared/csv.js';
import type { Language, Translate } from '../../../shared/i18n/index.js';
import { countryName } from '../../../shared/countries.js';
import { getPeople } from '../../people/index.js';
import { Registration } from '../registration.model.js';
import type { RegistrationFilter } from '../registration.service.js';
import { toRegistrationView, type RegistrationView } from '../registration.views.js';

/** Rows looked up and written together: one read of the people for each batch. */
const BATCH = 200;

const line = (cells: (string | undefined)[]) => stringify([cells.map((cell) => neutralizeCell(cell ?? ''))]);

/**
 * Writes an event's registrations as CSV, in arrival order, a batch at a time as they are read
 * (never the whole file in memory). Addresses and phones only with `contactDetails`; passport
 * data never (it stays on its own page, for admins).
 */
export async function writeRegistrationsCsv(
  out: Writable,
  eventId: string,
  filter: RegistrationFilter,
  options: { contactDetails: boolean; t: Translate; language: Language },
): Promise<void> {
  const { t } = options;
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
  out.write(`\uFEFF${line(header)}`);
  const query: Record<string, unknown> = { eventId };
  if (filter.status) query['status'] = filter.status;
  if (filter.category) query['category'] = filter.category;
  let batch: RegistrationView[] = [];
  const flush = async () => {
    const people = new Map((await getPeople(batch.map((r) => r.personId))).map((p) => [p.id, p]));
    let text = '';
    for (const r of batch) {
      const p = people.get(r.personId);
      text += line([
        p?.honorific,
        p?.givenName,
        p?.familyName,
        ...(options.contactDetails ? [p?.email, p?.phone] : []),
        p?.organization,
        p?.position,
        r.countryRepresented ? countryName(r.countryRepresented, options.language) : '',
        t(`registrations.categories.${r.category}`),
        t(`registrations.statuses.${r.status}`),
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
      ]);
    }
    batch = [];
    // Waits when the client reads slower than Foro writes.
    if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
  };
  // Read in batches of its own size, not whole (the default for reads): memory stays flat.
  const rows = Registration.find(query).sort({ arrival: 1 }).lean().cursor({ batchSize: BATCH });
  for await (const doc of rows) {
    batch.push(toRegistrationView(doc));
    if (batch.length === BATCH) await flush();
  }
  if (batch.length > 0) await flush();
}
