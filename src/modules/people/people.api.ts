import { z } from 'zod';
import type { Clock } from '../../shared/clock.js';
import type { ApiRegistry } from '../../web/api-registry.js';
import { pathParam } from '../../web/params.js';
import { actorOf, requireRole, requireUser } from '../auth/index.js';
import { GENDERS, SECTORS } from './person.model.js';
import { peopleAccess, shownPeople, type PeopleEvents } from './person.access.js';
import { searchWithRole, type PeopleInRole } from './person.routes.js';
import { personInput, personPatchInput, personSearchInput } from './person.schemas.js';
import { createPerson, getPerson, updatePerson, type OnPersonChanged } from './person.service.js';

export const personOutput = z.object({
  id: z.string(),
  honorific: z.string().optional(),
  givenName: z.string(),
  familyName: z.string(),
  position: z.string().optional(),
  organization: z.string().optional(),
  sector: z.enum(SECTORS).optional(),
  country: z.string().optional(),
  email: z.string().optional().describe('Only for admins and organizers'),
  phone: z.string().optional().describe('Only for admins and organizers'),
  language: z.string().optional(),
  gender: z.enum(GENDERS).optional(),
  biography: z.object({ es: z.string(), en: z.string(), pt: z.string() }).partial(),
});

export function registerPeopleApi(
  api: ApiRegistry,
  clock: Clock,
  options: { peopleInRole?: PeopleInRole; events?: PeopleEvents; onChanged?: OnPersonChanged } = {},
): void {
  const { peopleInRole } = options;
  const access = peopleAccess(options.events);
  api.describeTag(
    'People',
    'The directory of everyone the forum deals with (speakers, commentators, delegates, contacts): ' +
      'names, position, organization, sector, country, language, biography in es/pt/en.',
  );
  const readers = {
    tag: 'People',
    access: 'signed-in' as const,
    accessNote: 'contact details: admins, and organizers of an event the person is in',
    guards: [requireUser],
  };
  const editors = { tag: 'People', access: 'organizer' as const, guards: requireRole('admin', 'organizer') };
  const emailTaken = { PERSON_EMAIL_TAKEN: 'another person has this address' };

  api.add({
    ...readers,
    operationId: 'listPeople',
    method: 'get',
    path: '/people',
    summary:
      'The directory in the order people were added, 50 a page (after/before cursors), filtered by ' +
      'name or organization (q: words beginning as given, case and accents ignored), country, sector ' +
      'and role in any programme',
    query: personSearchInput,
    response: z.object({
      people: z.array(personOutput),
      total: z.number().optional().describe('Only while the directory is small enough to count each time'),
      next: z.string().optional().describe('The cursor of the next page (after=)'),
      previous: z.string().optional().describe('The cursor of the previous page (before=)'),
      tooShort: z.boolean().optional().describe('q has no word of two letters'),
    }),
    handler: async (req, _body, query) => {
      const result = await searchWithRole(query, peopleInRole);
      return { ...result, people: shownPeople(result.people, await access.of(req, result.people)) };
    },
  });

  api.add({
    ...readers,
    operationId: 'getPerson',
    method: 'get',
    path: '/people/:personId',
    summary: 'Read one person',
    response: personOutput,
    handler: async (req) => access.shown(req, await getPerson(pathParam(req, 'personId'))),
  });

  api.add({
    ...editors,
    operationId: 'createPerson',
    method: 'post',
    path: '/people',
    summary: 'Add a person to the directory',
    body: personInput,
    conflicts: emailTaken,
    status: 201,
    response: personOutput,
    handler: async (req, body) => createPerson(body, actorOf(req), clock),
  });

  api.add({
    ...editors,
    operationId: 'updatePerson',
    method: 'patch',
    path: '/people/:personId',
    access: 'team',
    accessNote: 'the team of an event the person is in; for a person in no event, any organizer',
    summary: 'Change a person: only the fields given change; null clears one',
    body: personPatchInput,
    conflicts: emailTaken,
    response: personOutput,
    handler: async (req, body) => {
      await access.assertEdit(req, await getPerson(pathParam(req, 'personId')));
      return updatePerson(pathParam(req, 'personId'), body, actorOf(req), clock, options.onChanged);
    },
  });
}
