import type { TFunction } from 'i18next';
import { countryName, sortByCountryName } from '../../../shared/countries.js';
import type { Language } from '../../../shared/i18n/index.js';
import { formatInstant } from '../../../shared/time.js';
import { formatDay } from '../../../shared/zoned-time.js';
import type { ListLayout } from '../../documents/pdf/list.layout.js';
import { CREDENTIAL_STATUSES } from './credentials.model.js';
import type { CredentialsRow } from './credentials.service.js';

/** How many states stand in each status: the figures the report opens with. */
export function credentialCounts(rows: CredentialsRow[]) {
  return Object.fromEntries(
    CREDENTIAL_STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length]),
  ) as Record<(typeof CREDENTIAL_STATUSES)[number], number>;
}

/**
 * The credentials report as a credentials committee presents it: the states grouped by status,
 * each with the kind of document, its authority and when it arrived; the counts first.
 */
export function credentialsReportLayout(
  input: { eventTitle: string; rows: CredentialsRow[]; timeZone: string; now: Date },
  t: TFunction,
  language: Language,
): ListLayout {
  const counts = credentialCounts(input.rows);
  return {
    language,
    title: t('credentials.reportTitle'),
    subtitle: `${input.eventTitle}\n${CREDENTIAL_STATUSES.map((s) => t('credentials.count', { status: t(`credentials.statuses.${s}`), count: counts[s] })).join(' · ')}`,
    stamp: t('credentials.reportStamp', { time: formatInstant(input.now, input.timeZone, language) }),
    pageOf: t('documents.pageOf'),
    empty: t('credentials.noStates'),
    groups: CREDENTIAL_STATUSES.map((status) => ({
      heading: `${t(`credentials.statuses.${status}`)} (${counts[status]})`,
      entries: sortByCountryName(
        input.rows.filter((r) => r.status === status),
        (r) => r.country,
        language,
      ).map((r) => ({
        name: countryName(r.country, language),
        detail: r.record
          ? [
              t(`credentials.kinds.${r.record.kind}`),
              t(`credentials.authorities.${r.record.authority}`),
            ].join(' · ')
          : t('credentials.nothingReceived'),
        ...(r.record?.receivedOn && {
          note: t('credentials.receivedOn', { day: formatDay(r.record.receivedOn, language) }),
        }),
      })),
    })).filter((g) => g.entries.length > 0),
  };
}
