import { type Request, Router } from 'express';
import type { Config } from '../../../config/index.js';
import { formatInstant } from '../../../shared/time.js';
import { formBody } from '../../../web/forms.js';
import { pathParam } from '../../../web/params.js';
import { getPublicEvent, localized, type EventView } from '../../events/index.js';
import type { RegistrationDeps } from '../registration.service.js';
import type { ReceiptSigner } from './receipt.js';
import {
  maskedEmail,
  ownReceipt,
  receiptRegistration,
  RESEND_LIMIT,
  resendOwnLink,
} from './thanks.service.js';

/**
 * The page after the registration form, and its button that mails the private link again. What
 * it shows depends on the receipt the form's answer carried (`receipt.ts`): to the browser that
 * registered, the registration; to one that typed the address of someone registered, only that
 * a mail went to them; to any other (a copied address), the general thank-you.
 */
export function thanksRoutes(config: Config, deps: RegistrationDeps, receipts: ReceiptSigner): Router {
  const { clock } = deps;
  const router = Router();
  const pagePath = (event: EventView, req: Request, ref?: string) =>
    `/events/${event.slug}/register/thanks?lang=${req.language}${ref ? `&ref=${encodeURIComponent(ref)}` : ''}`;

  const opened = async (req: Request, event: EventView, ref: unknown) => {
    const receipt = receipts.open(ref, req.sessionID, clock.now());
    const found = receipt && (await receiptRegistration(event, receipt));
    return receipt && found ? { receipt, ref: ref as string, ...found } : undefined;
  };

  const locals = async (req: Request, event: EventView, ref: unknown) => {
    const base = {
      title: req.t('registrations.thanksTitle'),
      event,
      eventTitle: localized(event.title, req.language, event.languages),
      resendLimit: RESEND_LIMIT.limit,
    };
    const found = await opened(req, event, ref);
    if (!found) return { ...base, kind: 'general' as const };
    const mailTo = found.person.email ? maskedEmail(found.person.email) : '';
    if (!found.receipt.own) return { ...base, kind: 'other' as const, ref: found.ref, mailTo };
    return {
      ...base,
      kind: 'own' as const,
      ref: found.ref,
      mailTo,
      ...(await ownReceipt(event, found, req.language, { ...deps, config })),
    };
  };

  router.get('/events/:slug/register/thanks', async (req, res) => {
    const event = await getPublicEvent(pathParam(req, 'slug'));
    // It may show someone's registration: kept by no cache, listed by no search engine.
    res.set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' });
    res.render('registrations/thanks', {
      ...(await locals(req, event, req.query['ref'])),
      resent: req.query['resent'] === '1',
    });
  });

  router.post('/events/:slug/register/thanks/resend', async (req, res) => {
    const event = await getPublicEvent(pathParam(req, 'slug'));
    const ref = formBody(req)['ref'];
    const found = await opened(req, event, ref);
    // Not this browser's form (or too long ago): nothing is sent, the general page says where the mail went.
    if (!found) return res.redirect(303, pagePath(event, req));
    const result = await resendOwnLink(event, found, deps);
    if (result.outcome === 'limited') {
      const now = clock.now();
      res.set(
        'Retry-After',
        String(Math.max(1, Math.ceil((result.retryAt.getTime() - now.getTime()) / 1000))),
      );
      return res.status(429).render('registrations/thanks', {
        ...(await locals(req, event, ref)),
        limitedUntil: formatInstant(result.retryAt, event.timezone, req.language),
      });
    }
    res.redirect(303, `${pagePath(event, req, found.ref)}${result.outcome === 'sent' ? '&resent=1' : ''}`);
  });

  return router;
}
