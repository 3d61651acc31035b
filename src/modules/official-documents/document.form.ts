import type { Request } from 'express';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { filled, many } from '../../web/forms.js';
import { listSessions } from '../agenda/index.js';
import { localized, type EventView } from '../events/index.js';
import { DISTRIBUTIONS, DOCUMENT_KINDS, DOCUMENT_STATUSES } from './document.model.js';
import type { DocumentView } from './document.views.js';

/** `title_es` … form fields as the nested input the schema reads. */
export function documentFromForm(body: Record<string, unknown>) {
  return {
    symbol: body['symbol'],
    title: Object.fromEntries(
      LANGUAGES.flatMap((l) => (filled(body[`title_${l}`]) ? [[l, body[`title_${l}`]]] : [])),
    ),
    kind: body['kind'],
    date: body['date'],
    distribution: body['distribution'],
    status: body['status'],
    sessionIds: many(body['sessionIds']),
    ...(filled(body['submitter']) && { submitter: body['submitter'] }),
  };
}

/** A stored document as the form's values. */
export function formValues(d: DocumentView): Record<string, unknown> {
  return {
    symbol: d.symbol,
    ...Object.fromEntries(LANGUAGES.map((l) => [`title_${l}`, d.title[l] ?? ''])),
    kind: d.kind,
    date: d.date,
    distribution: d.distribution,
    status: d.status,
    sessionIds: d.sessionIds,
    submitter: d.submitter ?? '',
  };
}

/** The choices the form offers, in the reader's language. */
export async function formChoices(req: Request, event: EventView) {
  const sessions = await listSessions(event.id);
  return {
    kinds: DOCUMENT_KINDS.map((k) => ({ value: k, label: req.t(`officialDocuments.kinds.${k}`) })),
    distributions: DISTRIBUTIONS.map((k) => ({
      value: k,
      label: req.t(`officialDocuments.distributions.${k}`),
    })),
    statuses: DOCUMENT_STATUSES.map((k) => ({ value: k, label: req.t(`officialDocuments.statuses.${k}`) })),
    sessions: sessions.map((s) => ({
      value: s.id,
      label: localized(s.title, req.language, event.languages),
    })),
    languages: LANGUAGES,
  };
}

export const fieldName = (field: string) => field.replace('.', '_').replace(/^sessionIds_\d+$/, 'sessionIds');
