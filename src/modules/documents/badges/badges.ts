import type { Clock } from '../../../shared/clock.js';
import { countryName } from '../../../shared/countries.js';
import type { Language, Translate } from '../../../shared/i18n/index.js';
import { localized, type EventView } from '../../events/index.js';
import { displayName } from '../../people/index.js';
import type { Participant, Placed } from '../../registrations/index.js';
import { formatDateRange } from '../../../shared/time.js';
import { badgeCodesFor } from './badge-code.service.js';
import type { BadgesLayout } from './badges.layout.js';

/** One colour per category, dark enough for white text and distinct in print. */
export const CATEGORY_COLOURS: Record<string, string> = {
  government_delegation: '#1f4e79',
  international_organization: '#2e7d32',
  academia: '#6a1b9a',
  civil_society: '#c62828',
  media: '#ef6c00',
  observer: '#546e7a',
  staff: '#212121',
  programme_participant: '#00838f',
};

/** Participants in the order their badges print: by family name, then given name. */
export function inBadgeOrder<P extends Placed>(participants: P[], language: Language): P[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  return [...participants].sort((a, b) =>
    collator.compare(
      `${a.person.familyName} ${a.person.givenName}`,
      `${b.person.familyName} ${b.person.givenName}`,
    ),
  );
}

/** Badges for confirmed participants in the order given (`inBadgeOrder`), each with its verification code. */
export async function badgesLayout(
  event: EventView,
  sorted: Participant[],
  language: Language,
  t: Translate,
  clock: Clock,
): Promise<BadgesLayout> {
  const codes = await badgeCodesFor(
    event.id,
    sorted.map((p) => p.registration.id),
    clock,
  );
  const title = localized(event.title, language, event.languages);
  return {
    language,
    title: `${t('documents.badges')} · ${title}`,
    eventTitle: title,
    dates: formatDateRange(event.startDate, event.endDate, language),
    badges: sorted.map(({ registration, person }) => {
      const country = registration.countryRepresented ?? person.country;
      return {
        name: displayName(person),
        organization: person.organization ?? '',
        country: country ? countryName(country, language) : '',
        category: t(`registrations.categories.${registration.category}`),
        colour: CATEGORY_COLOURS[registration.category] ?? '#1f4e79',
        code: codes.get(registration.id) ?? '',
      };
    }),
  };
}
