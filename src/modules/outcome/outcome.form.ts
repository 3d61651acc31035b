import type { Request } from 'express';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { filled } from '../../web/forms.js';
import { ITEM_KINDS } from './numbering.js';
import type { OutcomeView, ParagraphView } from './outcome.views.js';

/** `title_es` … form fields as the nested input the schema reads. */
export function outcomeFromForm(body: Record<string, unknown>) {
  return {
    title: Object.fromEntries(
      LANGUAGES.flatMap((l) => (filled(body[`title_${l}`]) ? [[l, body[`title_${l}`]]] : [])),
    ),
    workingLanguage: body['workingLanguage'],
  };
}

export function outcomeValues(o: OutcomeView): Record<string, unknown> {
  return {
    ...Object.fromEntries(LANGUAGES.map((l) => [`title_${l}`, o.title[l] ?? ''])),
    workingLanguage: o.workingLanguage,
  };
}

/** An "after" left blank means at the end. */
export function itemFromForm(body: Record<string, unknown>) {
  const { after, ...rest } = body;
  return { ...rest, ...(filled(after) && { after }) };
}

export const fieldName = (field: string) => field.replace('.', '_');

/** The choices the forms offer, in the reader's language. */
export function formChoices(req: Request, items: ParagraphView[] = []) {
  return {
    languageOptions: LANGUAGES.map((l) => ({ value: l, label: req.t(`language.${l}`) })),
    kindOptions: ITEM_KINDS.map((k) => ({ value: k, label: req.t(`outcome.kinds.${k}`) })),
    firstKindOptions: (['PP', 'OP'] as const).map((k) => ({ value: k, label: req.t(`outcome.kinds.${k}`) })),
    afterOptions: [
      { value: '', label: req.t('outcome.atTheEnd') },
      ...items.map((item) => ({
        value: item.ref,
        label: req.t('outcome.afterItem', { item: item.label || shortText(item.text) }),
      })),
    ],
  };
}

export const shortText = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
