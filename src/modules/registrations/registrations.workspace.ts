import type { WorkspacePart } from '../workspace/workspace.js';
import { delegationsOf } from './delegations/delegation.service.js';
import { countOf, registrationFigures } from './lists/figures.js';
import { scopes } from './places/seats.js';
import { registrationRules } from './places/settings.service.js';
import { REGISTRATION_STATUSES } from './registration.model.js';
import type { RegistrationDeps } from './registration.service.js';

/**
 * Registrations, delegations and coverage in the menu; on the overview, registrations by status
 * and by category against capacity, and delegations nominated and missing.
 */
export function registrationsWorkspace(deps: RegistrationDeps): WorkspacePart[] {
  return [
    {
      menu: [
        {
          group: 'registration',
          label: 'workspace.menu.registrations',
          route: '/admin/events/:eventId/registrations',
        },
        {
          group: 'registration',
          label: 'workspace.menu.delegations',
          route: '/admin/events/:eventId/delegations',
        },
        { group: 'onSite', label: 'workspace.menu.coverage', route: '/admin/events/:eventId/coverage' },
        {
          group: 'settings',
          label: 'workspace.menu.registrationSettings',
          route: '/admin/events/:eventId/registrations/settings',
        },
      ],
      overview: async ({ event }) => {
        const rules = await registrationRules(event);
        const figures = await registrationFigures(
          event.id,
          rules.categories.map((c) => c.key),
          deps,
        );
        const href = `/admin/events/${event.id}/registrations`;
        const total = countOf(figures, {});
        return {
          title: 'workspace.panel.registrations',
          href,
          figures: [
            {
              label: 'workspace.figure.placesHeld',
              value: figures.seated[scopes.event(event.id)] ?? 0,
              of: rules.capacity,
            },
            ...REGISTRATION_STATUSES.map((status) => ({
              label: `registrations.statuses.${status}`,
              value: countOf(figures, { status }),
              href: `${href}?status=${status}`,
            })),
            ...rules.categories
              .filter((c) => c.capacity !== undefined || countOf(figures, { category: c.key }) > 0)
              .map((c) => ({
                label: `registrations.categories.${c.key}`,
                value: figures.seated[scopes.category(event.id, c.key)] ?? 0,
                of: c.capacity,
                href: `${href}?category=${c.key}`,
              })),
          ],
          tasks: [
            {
              label: 'workspace.task.pendingApproval',
              count: countOf(figures, { status: 'pending' }),
              href: `${href}?status=pending`,
            },
          ],
          countedAt: figures.countedAt,
          empty: total === 0 ? 'workspace.empty.registrations' : undefined,
        };
      },
    },
    {
      menu: [],
      overview: async ({ event }) => {
        const delegations = await delegationsOf(event.id);
        const invited = new Set(delegations.map((d) => d.country));
        const href = `/admin/events/${event.id}/delegations`;
        const nominated = delegations.filter((d) => d.submittedAt !== undefined).length;
        return {
          title: 'workspace.panel.delegations',
          href,
          figures: [
            { label: 'workspace.figure.countries', value: event.countries.length },
            { label: 'workspace.figure.delegationsInvited', value: delegations.length },
            { label: 'workspace.figure.delegationsNominated', value: nominated },
          ],
          tasks: [
            {
              label: 'workspace.task.countriesNotInvited',
              count: event.countries.filter((c) => !invited.has(c)).length,
              href,
            },
            { label: 'workspace.task.nominationsMissing', count: delegations.length - nominated, href },
          ],
          empty: event.countries.length === 0 ? 'workspace.empty.delegations' : undefined,
        };
      },
    },
  ];
}
