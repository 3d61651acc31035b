import type { TFunction } from 'i18next';
import { countryName } from '../../../shared/countries.js';
import type { Language } from '../../../shared/i18n/index.js';
import { formatInstant } from '../../../shared/time.js';
import type { ListLayout } from '../../documents/pdf/list.layout.js';
import type { ListState, PlacedEntry } from './speakers.views.js';

/** One line of a list as people read it: who speaks for whom, at what level, and where it stands. */
export interface EntryLine {
  id: string;
  place: number;
  for: string;
  speaker: string;
  level: string;
  language: string;
  status: PlacedEntry['status'];
  statusLabel: string;
  expected: string;
  reply: boolean;
  version: number;
  limitMinutes: number;
  statusAt: string | undefined;
}

export function entryLine(entry: PlacedEntry, t: TFunction, language: Language, timeZone: string): EntryLine {
  const speakingFor =
    entry.group === 'state' && entry.country
      ? countryName(entry.country, language)
      : (entry.organization ?? entry.speakerName);
  return {
    id: entry.id,
    place: entry.place,
    for: speakingFor,
    speaker: entry.speakerName,
    level: t(`speakers.levels.${entry.level}`),
    language: t(`language.${entry.language}`),
    status: entry.status,
    statusLabel: `${t(`speakers.statuses.${entry.status}`)}${entry.reply ? ` · ${t('speakers.rightOfReply')}` : ''}`,
    expected: entry.expectedAt ? formatInstant(entry.expectedAt, timeZone, language) : '',
    reply: entry.reply,
    version: entry.version,
    limitMinutes: entry.limitMinutes,
    statusAt: entry.statusAt?.toISOString(),
  };
}

/** The published list as a PDF: one entry per speaker in order, who has spoken marked. */
export function speakersPdfLayout(
  input: { eventTitle: string; sessionTitle: string; state: ListState; timeZone: string; now: Date },
  t: TFunction,
  language: Language,
): ListLayout {
  const lines = input.state.entries.map((e) => entryLine(e, t, language, input.timeZone));
  return {
    language,
    title: t('speakers.pdfTitle', { session: input.sessionTitle }),
    subtitle: input.eventTitle,
    stamp: t('speakers.pdfStamp', { time: formatInstant(input.now, input.timeZone, language) }),
    pageOf: t('documents.pageOf'),
    empty: t('speakers.empty'),
    groups:
      lines.length === 0
        ? []
        : [
            {
              heading: t('speakers.inOrder'),
              entries: lines.map((l) => ({
                name: `${l.place}. ${l.for}`,
                detail: [l.speaker, l.level, l.language].join(' · '),
                note: l.statusLabel,
              })),
            },
          ],
  };
}
