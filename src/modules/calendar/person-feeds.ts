import type { Config } from '../../config/index.js';
import type { Language } from '../../shared/i18n/index.js';
import { rolesOfPerson } from '../agenda/index.js';
import { feedRevisionOf } from '../people/index.js';
import { latestVersionNumber } from '../published-programme/index.js';
import { NotFoundError } from '../../shared/errors.js';
import { isFeedToken, personalProgrammePath, personFeedPath } from './feeds.js';

/** A person's roles, each with the secret URL of their calendar feed for that (public) event. */
export function rolesWithFeeds(config: Config) {
  return async (personId: string, language: Language) => {
    const roles = await rolesOfPerson(personId, language);
    const revision = (await feedRevisionOf(personId)) ?? 0;
    return roles.map((role) => {
      const event = { id: role.eventId, slug: role.eventSlug };
      const person = { id: personId, feedRevision: revision };
      return {
        ...role,
        feedUrl: role.eventPublic
          ? `${config.publicUrl}${personFeedPath(config.feedSecret, event, person)}`
          : undefined,
        programmeUrl: role.eventPublic
          ? `${config.publicUrl}${personalProgrammePath(config.feedSecret, event, person)}`
          : undefined,
      };
    });
  };
}

/** Refuses (404, like an unknown page) a secret personal URL whose token is not the person's current one. */
export async function assertPersonalToken(
  config: Config,
  eventId: string,
  personId: string,
  token: string,
): Promise<void> {
  const revision = await feedRevisionOf(personId);
  if (revision === undefined || !isFeedToken(config.feedSecret, eventId, personId, revision, token)) {
    throw new NotFoundError();
  }
}

/** What a person may download for one event: their own programme (per language) and calendar feed. */
export interface PersonalDownloads {
  calendarUrl: string;
  programmeUrl: string;
  languages: Language[];
}

/** The secret addresses of a person's programme and calendar, once the event's programme is published. */
export async function personalDownloads(
  config: Config,
  event: { id: string; slug: string; status: string; languages: Language[] },
  personId: string,
): Promise<PersonalDownloads | undefined> {
  if (event.status === 'draft' || (await latestVersionNumber(event.id)) === undefined) return undefined;
  const person = { id: personId, feedRevision: (await feedRevisionOf(personId)) ?? 0 };
  return {
    calendarUrl: `${config.publicUrl}${personFeedPath(config.feedSecret, event, person)}`,
    programmeUrl: `${config.publicUrl}${personalProgrammePath(config.feedSecret, event, person)}`,
    languages: event.languages,
  };
}
