import { countryName } from '../../../shared/countries.js';
import type { Language, Translate } from '../../../shared/i18n/index.js';
import { localized, type EventView } from '../../events/index.js';
import { displayName } from '../../people/index.js';
import type { ListAudience, Participant, Placed } from '../../registrations/index.js';
import type { ListLayout } from '../pdf/list.layout.js';
import { formatDateRange } from '../../../shared/time.js';
import { formatDate, venueLine } from '../programme-pdf/programme.document.js';

const SECTOR_GROUPS = ['international_organization', 'academia', 'civil_society', 'media'] as const;
type GroupKey = `state:${string}` | (typeof SECTOR_GROUPS)[number] | 'others';

/**
 * Member states' delegations first, then international organizations, academia, civil society
 * and media, then everyone else. Programme participants go where their sector puts them.
 */
function groupOf({ registration, person }: Placed): GroupKey {
  const category = registration.category === 'programme_participant' ? person.sector : registration.category;
  if (category === 'government_delegation' || category === 'government') {
    const country = registration.countryRepresented ?? person.country;
    if (country) return `state:${country}`;
  }
  return (SECTOR_GROUPS as readonly string[]).includes(category ?? '') ? (category as GroupKey) : 'others';
}

/**
 * Participants in the order of a participant list: by group, states in Spanish alphabetical
 * order (the forum's order of precedence) whatever the language printed; in each group the head
 * of delegation first, then by family and given name.
 */
export function inListOrder<P extends Placed>(participants: P[], language: Language): P[] {
  const groups = new Map<GroupKey, P[]>();
  for (const participant of participants) {
    const key = groupOf(participant);
    const group = groups.get(key);
    if (group) group.push(participant);
    else groups.set(key, [participant]);
  }
  const spanish = new Intl.Collator('es', { sensitivity: 'base' });
  const local = new Intl.Collator(language, { sensitivity: 'base' });
  const states = [...groups.keys()]
    .filter((k) => k.startsWith('state:'))
    .sort((a, b) => spanish.compare(countryName(a.slice(6), 'es'), countryName(b.slice(6), 'es')));
  const order: GroupKey[] = [...states, ...SECTOR_GROUPS, 'others'];
  return order.flatMap((key) =>
    (groups.get(key) ?? []).sort(
      (a, b) =>
        Number(b.registration.delegationRole === 'head') - Number(a.registration.delegationRole === 'head') ||
        local.compare(
          `${a.person.familyName} ${a.person.givenName}`,
          `${b.person.familyName} ${b.person.givenName}`,
        ),
    ),
  );
}

/**
 * The groups of participants given in list order (`inListOrder`), each under its heading: a
 * whole list or one part of it, where a group cut between two parts keeps its heading in both.
 */
export function participantGroups(
  participants: Participant[],
  language: Language,
  t: Translate,
  audience: ListAudience,
): ListLayout['groups'] {
  const groups: { key: GroupKey; members: Participant[] }[] = [];
  for (const participant of participants) {
    const key = groupOf(participant);
    const last = groups.at(-1);
    if (last?.key === key) last.members.push(participant);
    else groups.push({ key, members: [participant] });
  }
  return groups.map(({ key, members }) => ({
    heading: key.startsWith('state:')
      ? countryName(key.slice(6), language)
      : key === 'others'
        ? t('documents.otherParticipants')
        : t(`registrations.categories.${key}`),
    entries: members.map(({ registration, person }) => {
      const country = key.startsWith('state:')
        ? undefined
        : person.country && countryName(person.country, language);
      const notes = [
        registration.delegationRole === 'head' ? t('documents.headOfDelegation') : undefined,
        audience === 'organizers' ? t(`registrations.categories.${registration.category}`) : undefined,
        audience === 'organizers' ? person.email : undefined,
      ].filter(Boolean);
      return {
        name: displayName(person),
        detail: [person.position, person.organization, country].filter(Boolean).join(', '),
        ...(notes.length > 0 && { note: notes.join(' · ') }),
      };
    }),
  }));
}

/**
 * A participant list ready to draw: title, date of the list, groups. `list` is one part of the
 * list (`participantsPart`, in `inListOrder`), with the number of participants and of parts.
 */
export function participantListLayout(
  event: EventView,
  list: { participants: Participant[]; total: number; part: number; parts: number },
  language: Language,
  t: Translate,
  audience: ListAudience,
  now: Date,
): ListLayout {
  const title = localized(event.title, language, event.languages);
  const stamp = t('documents.listStamp', {
    count: list.total,
    date: formatDate(now, event.timezone, language),
  });
  return {
    language,
    title: t(audience === 'public' ? 'documents.participantList' : 'documents.participantListFull'),
    subtitle: `${title} · ${formatDateRange(event.startDate, event.endDate, language)} · ${venueLine(event, language)}`,
    stamp:
      list.parts > 1
        ? `${stamp} · ${t('documents.listPart', { part: list.part, parts: list.parts })}`
        : stamp,
    pageOf: t('documents.pageOf'),
    empty: t('documents.noParticipants'),
    groups: participantGroups(list.participants, language, t, audience),
  };
}
