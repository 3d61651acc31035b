import { z } from 'zod';
import type { ApiRegistry } from '../../web/api-registry.js';
import { pageQuery } from '../../web/params.js';
import { requireUser } from '../auth/index.js';
import { eventWithPermissions } from '../events/index.js';
import { peopleOf } from './lists/listing.js';
import { CATEGORIES, REGISTRATION_STATUSES } from './registration.model.js';
import { registrationsPage, REGISTRATIONS_PAGE } from './registration.service.js';

const listQuery = pageQuery.extend({
  status: z.enum(REGISTRATION_STATUSES).optional(),
  category: z.enum(CATEGORIES).optional(),
});

const registrationOutput = z.object({
  id: z.string(),
  personId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  organization: z.string().optional(),
  email: z.string().optional().describe("Only for the event's team and admins"),
  category: z.enum(CATEGORIES),
  status: z.enum(REGISTRATION_STATUSES),
  countryRepresented: z.string().optional(),
  registeredAt: z.string().optional(),
});

/** Registrations over JSON, a page at a time: what the admin list shows. */
export function registerRegistrationsApi(api: ApiRegistry): void {
  api.describeTag(
    'Registrations',
    'The people registered to attend an event: category, status (pending, confirmed, waitlisted, ' +
      'rejected, cancelled), country represented, in the order they arrived.',
  );
  api.add({
    tag: 'Registrations',
    access: 'signed-in',
    accessNote: "addresses: the event's team and admins",
    guards: [requireUser],
    operationId: 'listEventRegistrations',
    method: 'get',
    path: '/events/:eventId/registrations',
    query: listQuery,
    summary: `An event's registrations in arrival order, ${REGISTRATIONS_PAGE} a page; filter by status and category; \`next\` (or \`previous\`) is the cursor to pass as \`after\` (or \`before\`) for the following page, absent on the last`,
    response: z.object({
      registrations: z.array(registrationOutput),
      next: z.string().optional(),
      previous: z.string().optional(),
    }),
    handler: async (req, _body, { after, before, ...filter }) => {
      const { event, can } = await eventWithPermissions(req);
      const page = await registrationsPage(event.id, filter, { after, before });
      const people = await peopleOf(page.registrations);
      return {
        registrations: page.registrations.map((r) => {
          const person = people.get(r.personId);
          return {
            id: r.id,
            personId: r.personId,
            givenName: person?.givenName ?? '',
            familyName: person?.familyName ?? '',
            organization: person?.organization,
            ...(can.contactDetails && person?.email && { email: person.email }),
            category: r.category,
            status: r.status,
            countryRepresented: r.countryRepresented,
            registeredAt: r.createdAt?.toISOString(),
          };
        }),
        ...(page.next && { next: page.next }),
        ...(page.previous && { previous: page.previous }),
      };
    },
  });
}
