import type { Config } from '../../config/index.js';
import type { Language } from '../../shared/i18n/index.js';
import { rolesOfPerson } from '../agenda/index.js';
import { feedRevisionOf } from '../people/index.js';
import { personFeedPath } from './feeds.js';

/** A person's roles, each with the secret URL of their calendar feed for that (public) event. */
export function rolesWithFeeds(config: Config) {
  return async (personId: string, language: Language) => {
    const roles = await rolesOfPerson(personId, language);
    const revision = (await feedRevisionOf(personId)) ?? 0;
    return roles.map((role) => ({
      ...role,
      feedUrl: role.eventPublic
        ? `${config.publicUrl}${personFeedPath(config.feedSecret, { id: role.eventId, slug: role.eventSlug }, { id: personId, feedRevision: revision })}`
        : undefined,
    }));
  };
}
