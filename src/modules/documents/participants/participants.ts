import { countryName } from '../../../shared/countries.js';
import type { Language, Translate } from '../../../shared/i18n/index.js';
import { localized, type EventView } from '../../events/index.js';
import { displayName } from '../../people/index.js';
import type { ListAudience, Participant } from '../../registrations/index.js';
import type { ListLayout } from '../pdf/list.layout.js';
import { formatDateRange } from '../../../shared/time.js';
import { LIST_ENTRIES_PER_PDF } from '../../../shared/limits.js';
import { formatDate, venueLine } from '../programme-pdf/programme.document.js';

const SECTOR_GROUPS = ['international_organization', 'academia', 'civil_society', 'media'] as const;
type GroupKey = `state:${string}` | (typeof SECTOR_GROUPS)[number] | 'others';

/**
 * Member states' delegations first, then international organizations, academia, civil society
 * and media, then everyone else. Programme participants go where their sector puts them.
 */
function groupOf({ registration, person }: Participant): GroupKey {
  const category = registration.category === 'programme_participant' ? person.sector : registration.category;
  if (category === 'government_delegation' || category === 'government') {
    const country = registration.countryRepresented ?? person.country;
    if (country) return `state:${country}`;
  }
  return (SECTOR_GROUPS as readonly string[]).includes(category ?? '') ? (category as GroupKey) : 'others';
}

/**
 * The groups of a participant list. States are in Spanish alphabetical order (the forum's order
 * of precedence) whatever the language printed; in each group the head of delegation comes first.
 */
export function participantGroups(
  participants: Participant[],
  language: Language,
  t: Translate,
  audience: ListAudience,
): ListLayout['groups'] {
  const groups = new Map<GroupKey, Participant[]>();
  for (const participant of participants) {
    const key = groupOf(participant);
    groups.set(key, [...(groups.get(key) ?? []), participant]);
  }
  const spanish = new Intl.Collator('es', { sensitivity: 'base' });
  const local = new Intl.Collator(language, { sensitivity: 'base' });
  const states = [...groups.keys()]
    .filter((k) => k.startsWith('state:'))
    .sort((a, b) => spanish.compare(countryName(a.slice(6), 'es'), countryName(b.slice(6), 'es')));
  const order: GroupKey[] = [...states, ...SECTOR_GROUPS, 'others'];
  return order
    .filter((key) => groups.has(key))
    .map((key) => ({
      heading: key.startsWith('state:')
        ? countryName(key.slice(6), language)
        : key === 'others'
          ? t('documents.otherParticipants')
          : t(`registrations.categories.${key}`),
      entries: groups
        .get(key)!
        .sort(
          (a, b) =>
            Number(b.registration.delegationRole === 'head') -
              Number(a.registration.delegationRole === 'head') ||
            local.compare(
              `${a.person.familyName} ${a.person.givenName}`,
              `${b.person.familyName} ${b.person.givenName}`,
            ),
        )
        .map(({ registration, person }) => {
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
 * The entries of one part of a list of `perPart` entries a part, in the list's order; a group cut
 * between two parts keeps its heading in both. Undefined for a part beyond the list's end.
 */
export function partOfGroups(
  groups: ListLayout['groups'],
  part: number,
  perPart: number,
): { groups: ListLayout['groups']; parts: number } | undefined {
  const total = groups.reduce((sum, group) => sum + group.entries.length, 0);
  const parts = Math.max(1, Math.ceil(total / perPart));
  if (part > parts) return undefined;
  const [from, to] = [(part - 1) * perPart, part * perPart];
  let at = 0;
  const kept: ListLayout['groups'] = [];
  for (const group of groups) {
    const entries = group.entries.slice(Math.max(0, from - at), Math.max(0, to - at));
    if (entries.length > 0) kept.push({ heading: group.heading, entries });
    at += group.entries.length;
  }
  return { groups: kept, parts };
}

/**
 * A participant list ready to draw: title, date of the list, groups; one part of it when it holds
 * more than `LIST_ENTRIES_PER_PDF` (undefined for a part beyond its end).
 */
export function participantListLayout(
  event: EventView,
  participants: Participant[],
  language: Language,
  t: Translate,
  audience: ListAudience,
  now: Date,
  part = 1,
): ListLayout | undefined {
  const title = localized(event.title, language, event.languages);
  const cut = partOfGroups(
    participantGroups(participants, language, t, audience),
    part,
    LIST_ENTRIES_PER_PDF,
  );
  if (!cut) return undefined;
  const stamp = t('documents.listStamp', {
    count: participants.length,
    date: formatDate(now, event.timezone, language),
  });
  return {
    language,
    title: t(audience === 'public' ? 'documents.participantList' : 'documents.participantListFull'),
    subtitle: `${title} · ${formatDateRange(event.startDate, event.endDate, language)} · ${venueLine(event, language)}`,
    stamp: cut.parts > 1 ? `${stamp} · ${t('documents.listPart', { part, parts: cut.parts })}` : stamp,
    pageOf: t('documents.pageOf'),
    empty: t('documents.noParticipants'),
    groups: cut.groups,
  };
}
