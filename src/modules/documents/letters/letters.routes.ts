import { flash } from '../../../web/flash.js';
import { type Request, type Response, Router } from 'express';
import type { Config } from '../../../config/index.js';
import type { Clock } from '../../../shared/clock.js';
import { ConflictError, NotFoundError } from '../../../shared/errors.js';
import { pathParam, pdfPartQuery, queryOf } from '../../../web/params.js';
import { LANGUAGES, translatorFor } from '../../../shared/i18n/index.js';
import { LETTERS_PER_PDF, LIMITS } from '../../../shared/limits.js';
import { readFileForm } from '../../../web/body.js';
import { formBody, handleForm, withoutBlanks } from '../../../web/forms.js';
import { actorOf, requireRole, requireUser } from '../../auth/index.js';
import { eventPage, eventOf, getEvent, localized, type EventView } from '../../events/index.js';
import { ownRegistration } from '../../registrations/index.js';
import { hasAttended } from '../checkin/checkin.service.js';
import { getPerson } from '../../people/index.js';
import type { Participant } from '../../registrations/index.js';
import { documentLanguage, sendPdf } from '../programme-pdf/programme.routes.js';
import type { DocumentDeps } from '../programme-pdf/programme.service.js';
import { LETTER_PLACEHOLDERS } from './letter-defaults.js';
import { LETTER_KINDS, type LetterKind } from './letter.model.js';
import {
  letterTemplates,
  letterTemplatesInput,
  lettersLayout,
  saveLetterTemplates,
  verifyLetter,
} from './letters.service.js';
import { parse } from '../../../shared/validate.js';
import { letterCounts, lettersPart } from './recipients.js';
import { letterSignature, saveLetterSignature, signatureImage, signatureInput } from './signature.service.js';

/**
 * Letters: the letterhead editor and certificates for organizers, visa letters (which print
 * passport data) for admins only, and the public check of a letter's code.
 */
export function letterRoutes(config: Config, deps: DocumentDeps, clock: Clock): Router {
  const router = Router();
  const base = '/admin/events/:eventId/letters';

  const print = async (req: Request, event: EventView, kind: LetterKind, recipients: Participant[]) => {
    const language = documentLanguage(req);
    const layout = await lettersLayout(kind, event, recipients, language, translatorFor(language), {
      clock,
      publicUrl: config.publicUrl,
    });
    return deps.renderer.render({ kind: 'letters', layout });
  };

  /** The page's data; `values` are what the form shows: the stored texts, or what was just typed. */
  const editor = async (req: Request, event: EventView) => {
    const [counts, templates, signature] = await Promise.all([
      letterCounts(event, clock),
      letterTemplates(event.id),
      letterSignature(event.id),
    ]);
    return {
      ...eventPage(event, req.language, req.t('documents.letters.title')),
      event,
      eventTitle: localized(event.title, req.language, event.languages),
      kinds: LETTER_KINDS,
      languages: LANGUAGES,
      placeholders: LETTER_PLACEHOLDERS,
      isAdmin: req.user?.role === 'admin',
      counts,
      lettersPerPart: LETTERS_PER_PDF,
      parts: {
        visa: Math.ceil(counts.visa / LETTERS_PER_PDF),
        certificate: Math.ceil(counts.certificate / LETTERS_PER_PDF),
      },
      signature,
      values: {
        ...templates,
        signatoryName: signature.name,
        ...Object.fromEntries(LANGUAGES.map((l) => [`signatoryTitle_${l}`, signature.title[l] ?? ''])),
      } as Record<string, unknown>,
    };
  };

  router.get(base, requireUser, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    res.render('documents/letters', {
      ...(await editor(req, event)),
    });
  });

  // The signatory printed on certificates and visa letters: a multipart form (the image is a file).
  router.post(`${base}/signature`, requireUser, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const stored = await editor(req, event);
    // Filled once the form is read, so a refused form shows again with what was typed.
    const typed: Record<string, unknown> = { ...stored.values };
    await handleForm(req, res, { view: 'documents/letters', locals: stored, values: typed }, async () => {
      const file = await readFileForm(req, res, 'signatureImage', LIMITS.signatureImageBytes);
      const body = formBody(req);
      Object.assign(typed, body);
      await saveLetterSignature(event, parse(signatureInput, withoutBlanks(body)), file, {
        actor: actorOf(req),
        clock,
        renderer: deps.renderer,
      });
      await flash(req, req.t('documents.letters.signatureSaved'));
      res.redirect(303, `/admin/events/${event.id}/letters`);
    });
  });

  router.get(`${base}/signature/image`, requireUser, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const image = await signatureImage(event.id);
    res
      .type(image.contentType)
      .set('Cache-Control', 'private, no-cache')
      .set('Content-Security-Policy', "default-src 'none'; sandbox")
      .send(image.content);
  });

  router.post(base, requireUser, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'documents/letters', locals: () => editor(req, event), values: body },
      async () => {
        await saveLetterTemplates(event, parse(letterTemplatesInput, body), actorOf(req), clock);
        await flash(req, req.t('documents.letters.saved'));
        res.redirect(303, `/admin/events/${event.id}/letters`);
      },
    );
  });

  // Letters print in numbered parts (`?part=`), as badges do; the page links each.
  const printPart = async (req: Request, res: Response, event: EventView, kind: LetterKind, file: string) => {
    const { part } = parse(pdfPartQuery, queryOf(req));
    const cut = await lettersPart(event, kind, part, documentLanguage(req));
    if (!cut) throw new NotFoundError();
    const pdf = await print(req, event, kind, cut.recipients);
    sendPdf(
      res,
      pdf,
      `${event.slug}-${file}${cut.parts > 1 ? `-${part}-of-${cut.parts}` : ''}.pdf`,
      'private',
    );
  };

  router.get(`${base}/visa.pdf`, ...requireRole('admin'), async (req, res) => {
    await printPart(req, res, await eventOf(req), 'visa', 'visa-letters');
  });

  router.get(`${base}/certificates.pdf`, requireUser, async (req, res) => {
    await printPart(req, res, await eventOf(req, { edit: true }), 'certificate', 'certificates');
  });

  // A registrant's own certificate, through their private link (guarded like their page).
  router.get('/registrations/:token/certificate.pdf', async (req, res) => {
    const registration = await ownRegistration(pathParam(req, 'token'), clock);
    // Not an unknown page: the certificate exists once the person has been checked in.
    if (registration.status !== 'confirmed' || !(await hasAttended(registration.id))) {
      throw new ConflictError('CERTIFICATE_NOT_YET');
    }
    const [event, person] = await Promise.all([
      getEvent(registration.eventId),
      getPerson(registration.personId),
    ]);
    const pdf = await print(req, event, 'certificate', [{ registration, person }]);
    sendPdf(res, pdf, `${event.slug}-certificate.pdf`, 'private');
  });

  router.get('/letters/verify', async (req, res) => {
    const code = typeof req.query['code'] === 'string' ? req.query['code'].slice(0, 40) : '';
    const letter = code ? await verifyLetter(code) : undefined;
    res
      .status(code && !letter ? 404 : 200)
      .set('X-Robots-Tag', 'noindex')
      .render('documents/verify', {
        title: req.t('documents.letters.verifyTitle'),
        code,
        letter: letter && {
          kind: letter.kind,
          name: letter.name,
          eventTitle: localized(letter.event.title, req.language, letter.event.languages),
          issuedAt: letter.issuedAt,
          timezone: letter.event.timezone,
        },
      });
  });

  return router;
}
