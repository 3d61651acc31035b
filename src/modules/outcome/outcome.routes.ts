import { type Request, Router } from 'express';
import type { Clock } from '../../shared/clock.js';
import { parse } from '../../shared/validate.js';
import { confirmedOrAsk } from '../../web/confirm.js';
import { flash } from '../../web/flash.js';
import { formBody, handleForm } from '../../web/forms.js';
import { pathParam } from '../../web/params.js';
import { actorOf, requireUser } from '../auth/index.js';
import { eventOf, eventPage, eventWithPermissions, historyLines, localized } from '../events/index.js';
import { fieldName, formChoices, itemFromForm, outcomeFromForm, outcomeValues } from './outcome.form.js';
import { itemEdit, itemInput, outcomeInput } from './outcome.schemas.js';
import { createOutcome, getOutcome, listOutcomes, updateOutcome } from './outcome.service.js';
import { versionName } from './outcome.views.js';
import { addItem, editItem, itemOf, itemsOf, removeItem } from './paragraphs.service.js';
import { importRoutes } from './import.routes.js';
import { compilationRoutes } from './compilation.routes.js';
import type { OutcomeDeps } from './adoption.js';
import { silenceRoutes } from './silence.routes.js';
import { settled, silenceOf, silencesOf, isUnderSilence } from './silence.service.js';
import { countryName, sortByCountryName } from '../../shared/countries.js';
import { zoneName } from '../../shared/time.js';
import { delegationsOf } from '../registrations/index.js';
import { formKey, proposalChoices } from './focal.routes.js';
import { proposalsOf } from './proposals.service.js';
import { roundRoutes } from './round.routes.js';
import { decisionRoutes } from './decisions.routes.js';
import { compareRoutes } from './compare.routes.js';
import { canDecide } from './decisions.service.js';
import { PARAGRAPH_STATUSES } from './outcome.model.js';
import { isOpen, roundOf } from './round.service.js';
import { translationRoutes } from './translations.routes.js';
import { itemTranslations, translationLanguages } from './translations.service.js';

export const OUTCOME_BASE = '/admin/events/:eventId/outcome';
export const outcomePath = (eventId: string, outcomeId?: string) =>
  `/admin/events/${eventId}/outcome${outcomeId ? `/${outcomeId}` : ''}`;

/** The outcome documents of an event for its team: drafted in the page or imported. */
export function outcomeAdminRoutes(deps: OutcomeDeps): Router {
  const { clock } = deps;
  const router = Router();
  const base = OUTCOME_BASE;
  router.use(base, requireUser);

  router.get(base, async (req, res) => {
    const { event, can } = await eventWithPermissions(req);
    res.render('outcome/list', {
      ...eventPage(event, req.language, req.t('outcome.title')),
      event,
      canEdit: can.edit,
      outcomes: await listOutcomes(event.id),
      localized: (title: object) => localized(title, req.language, event.languages),
    });
  });

  const newPage = async (req: Request) => {
    const event = await eventOf(req, { edit: true });
    return { ...eventPage(event, req.language, req.t('outcome.new')), event, ...formChoices(req) };
  };

  router.get(`${base}/new`, async (req, res) => {
    const page = await newPage(req);
    res.render('outcome/new', { ...page, values: { workingLanguage: page.event.languages[0] ?? 'es' } });
  });

  router.post(base, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    const form = { view: 'outcome/new', locals: () => newPage(req), values: body, fieldName };
    await handleForm(req, res, form, async () => {
      const outcome = await createOutcome(
        event,
        parse(outcomeInput, outcomeFromForm(body)),
        actorOf(req),
        clock,
      );
      await flash(req, req.t('outcome.flash.created'));
      res.redirect(303, outcomePath(event.id, outcome.id));
    });
  });

  const showPage = async (req: Request) => {
    const { event, can } = await eventWithPermissions(req);
    const outcome = await settled(event, await getOutcome(event.id, pathParam(req, 'outcomeId')), deps);
    const [items, proposals, round, delegations, silence, silences] = await Promise.all([
      itemsOf(outcome),
      proposalsOf(outcome),
      roundOf(outcome),
      delegationsOf(event.id),
      silenceOf(outcome),
      silencesOf(outcome),
    ]);
    const country = (code: string) => countryName(code, req.language);
    return {
      ...eventPage(event, req.language, localized(outcome.title, req.language, event.languages)),
      event,
      outcome,
      items,
      canEdit: can.edit && outcome.state === 'drafting' && event.status !== 'archived',
      canDecide: can.edit && canDecide(outcome) && event.status !== 'archived',
      canEditDetails: can.edit && event.status !== 'archived',
      translationLanguages: translationLanguages(event, outcome).map((l) => ({
        value: l,
        label: req.t(`language.${l}`),
      })),
      version: versionName(req.t, outcome.currentVersion),
      values: outcomeValues(outcome),
      itemValues: { kind: items.some((i) => i.kind === 'OP') ? 'OP' : 'PP' },
      ...formChoices(req, items),
      round,
      roundOpen: isOpen(round, clock.now()),
      silence,
      silences,
      underSilence: isUnderSilence(outcome, silence, clock.now()),
      canStartSilence: can.edit && canDecide(outcome) && event.status !== 'archived',
      proposals,
      paragraphs: items.filter((item) => item.kind !== 'section'),
      delegations: sortByCountryName(delegations, (d) => d.country, req.language).map((d) => ({
        value: d.id,
        label: country(d.country),
      })),
      country,
      zone: zoneName(event.timezone, clock.now(), req.language),
      formKey: formKey(),
      ...proposalChoices(req),
      history: await historyLines(req, { type: 'outcome', id: outcome.id }, can, { event }),
    };
  };

  router.get(`${base}/:outcomeId`, async (req, res) => {
    res.render('outcome/show', await showPage(req));
  });

  router.post(`${base}/:outcomeId`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    const form = { view: 'outcome/show', locals: () => showPage(req), values: body, fieldName };
    await handleForm(req, res, form, async () => {
      const input = parse(outcomeInput, outcomeFromForm(body));
      await updateOutcome(event, pathParam(req, 'outcomeId'), input, actorOf(req), clock);
      await flash(req, req.t('flash.saved'));
      res.redirect(303, outcomePath(event.id, pathParam(req, 'outcomeId')));
    });
  });

  router.post(`${base}/:outcomeId/paragraphs`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    const form = {
      view: 'outcome/show',
      locals: async () => ({ ...(await showPage(req)), itemValues: body }),
      fieldName,
    };
    await handleForm(req, res, form, async () => {
      const outcomeId = pathParam(req, 'outcomeId');
      const item = await addItem(event, outcomeId, parse(itemInput, itemFromForm(body)), actorOf(req), clock);
      await flash(req, req.t('outcome.flash.added', { item: item.label || req.t('outcome.kinds.section') }));
      res.redirect(303, `${outcomePath(event.id, outcomeId)}#p-${item.ref}`);
    });
  });

  router.use(roundRoutes(deps, showPage));
  router.use(silenceRoutes(deps, showPage));
  router.use(compilationRoutes(deps));
  router.use(compareRoutes(deps));
  router.use(translationRoutes(deps));
  router.use(paragraphRoutes(clock));
  router.use(importRoutes(clock));
  return router;
}

/** One paragraph's page: its text changed, or the paragraph taken out of the draft. */
function paragraphRoutes(clock: Clock): Router {
  const router = Router();
  const path = `${OUTCOME_BASE}/:outcomeId/paragraphs/:paragraphId`;

  const page = async (req: Request) => {
    const event = await eventOf(req, { edit: true });
    const outcome = await getOutcome(event.id, pathParam(req, 'outcomeId'));
    const item = await itemOf(outcome, pathParam(req, 'paragraphId'));
    const heading = item.label || req.t('outcome.kinds.section');
    const proposals = (await proposalsOf(outcome)).filter((p) => p.paragraphRef === item.ref);
    const translations = await itemTranslations(event, outcome, item);
    return {
      ...eventPage(event, req.language, heading),
      event,
      outcome,
      item,
      values: { text: item.text },
      canEdit: outcome.state === 'drafting' && event.status !== 'archived',
      canDecide: canDecide(outcome) && event.status !== 'archived' && item.kind !== 'section',
      proposals,
      open: proposals.filter((p) => p.state === 'open'),
      statuses: PARAGRAPH_STATUSES.map((s) => ({ value: s, label: req.t(`outcome.paragraphStatuses.${s}`) })),
      country: (code: string) => countryName(code, req.language),
      translations: translations.map((row) => ({ ...row, languageName: req.t(`language.${row.language}`) })),
      canTranslate: event.status !== 'archived',
    };
  };

  router.get(path, async (req, res) => {
    res.render('outcome/paragraph', await page(req));
  });

  router.post(path, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'outcome/paragraph', locals: () => page(req), values: body },
      async () => {
        const outcomeId = pathParam(req, 'outcomeId');
        const { text } = parse(itemEdit, body);
        const item = await editItem(
          event,
          outcomeId,
          pathParam(req, 'paragraphId'),
          text,
          actorOf(req),
          clock,
        );
        await flash(req, req.t('flash.saved'));
        res.redirect(303, `${outcomePath(event.id, outcomeId)}#p-${item.ref}`);
      },
    );
  });

  router.post(`${path}/remove`, async (req, res) => {
    const shown = await page(req);
    const back = outcomePath(shown.event.id, shown.outcome.id);
    await handleForm(req, res, { view: 'outcome/paragraph', locals: shown }, async () => {
      const asked = await confirmedOrAsk(req, res, () => ({
        question: req.t('outcome.confirmRemove.question', { item: shown.heading }),
        consequences: [req.t('outcome.confirmRemove.effect')],
        confirm: req.t('outcome.confirmRemove.confirm'),
        back,
      }));
      if (!asked) return;
      await removeItem(shown.event, shown.outcome.id, shown.item.ref, actorOf(req), clock);
      await flash(req, req.t('outcome.flash.removed', { item: shown.heading }));
      res.redirect(303, back);
    });
  });

  router.use(decisionRoutes(clock, page));
  return router;
}
