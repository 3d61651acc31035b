import { type Request, Router } from 'express';
import { sortByCountryName } from '../../../shared/countries.js';
import { ForbiddenError } from '../../../shared/errors.js';
import { parse } from '../../../shared/validate.js';
import { singleUpload } from '../../../web/body.js';
import { flash } from '../../../web/flash.js';
import { formBody, handleForm, withoutBlanks } from '../../../web/forms.js';
import { pathParam } from '../../../web/params.js';
import { actorOf, requireUser } from '../../auth/index.js';
import { eventPage, eventWithPermissions, historyLines, localized } from '../../events/index.js';
import { getDelegation, sendOfficialNote } from '../../registrations/index.js';
import { sendListPdf } from '../list-pdf.js';
import type { PlenaryDeps } from '../speakers-list/speakers.service.js';
import { CREDENTIAL_AUTHORITIES, CREDENTIAL_KINDS } from './credentials.model.js';
import { credentialCounts, credentialsReportLayout } from './credentials.report.js';
import { credentialRulesInput, credentialsInput } from './credentials.schemas.js';
import {
  credentialRules,
  credentialsFile,
  credentialsOfEvent,
  recordCredentials,
  saveCredentialRules,
  saveCredentialsFile,
} from './credentials.service.js';
import { credentialsUploadsOf, uploadFileId } from './credentials.upload.js';

/**
 * Credentials of the delegations, for the event's team and admins only (DESIGN.md §6): each
 * state's letter, its status under the event's rules, the files, and the report.
 */
export function credentialsRoutes(deps: PlenaryDeps): Router {
  const router = Router();
  const base = '/admin/events/:eventId/credentials';
  router.use(base, requireUser);

  const team = async (req: Request) => {
    const { event, can } = await eventWithPermissions(req);
    if (!can.contactDetails || !can.edit) throw new ForbiddenError();
    return Object.assign(event, { can });
  };

  const page = async (req: Request) => {
    const event = await team(req);
    const rows = sortByCountryName(await credentialsOfEvent(event), (r) => r.country, req.language);
    return {
      ...eventPage(event, req.language, req.t('credentials.title')),
      event,
      rows,
      counts: credentialCounts(rows),
      rules: await credentialRules(event.id),
      uploads: await credentialsUploadsOf(event.id),
      kinds: CREDENTIAL_KINDS,
      authorities: CREDENTIAL_AUTHORITIES,
      history: await historyLines(req, { type: 'credentials', id: event.id }, event.can, { event }),
      historyZone: event.timezone,
    };
  };

  router.get(base, async (req, res) => {
    res.render('plenary/credentials', await page(req));
  });

  router.post(`${base}/rules`, async (req, res) => {
    const event = await team(req);
    const input = parse(credentialRulesInput, formBody(req));
    await saveCredentialRules(
      event,
      {
        accredited: input.accredited,
        provisional: input.provisional,
        anyAuthority: input.anyAuthority === 'yes',
      },
      actorOf(req),
      deps.clock,
    );
    await flash(req, req.t('credentials.rulesSaved'));
    res.redirect(303, `/admin/events/${event.id}/credentials`);
  });

  const ownDelegation = async (req: Request) => {
    const event = await team(req);
    const delegation = await getDelegation(pathParam(req, 'delegationId'));
    if (delegation.eventId !== event.id) throw new ForbiddenError();
    return { event, delegation };
  };

  router.post(`${base}/:delegationId`, async (req, res) => {
    const { event, delegation } = await ownDelegation(req);
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'plenary/credentials', locals: () => page(req), values: body },
      async () => {
        await recordCredentials(
          event,
          delegation,
          parse(credentialsInput, withoutBlanks(body)),
          actorOf(req),
          deps.clock,
        );
        await flash(req, req.t('credentials.saved'));
        res.redirect(303, `/admin/events/${event.id}/credentials#c-${delegation.country}`);
      },
    );
  });

  router.post(`${base}/:delegationId/file`, singleUpload('file'), async (req, res) => {
    const { event, delegation } = await ownDelegation(req);
    await handleForm(req, res, { view: 'plenary/credentials', locals: () => page(req) }, async () => {
      await saveCredentialsFile(event, delegation, req.file, actorOf(req), deps.clock);
      await flash(req, req.t('credentials.fileSaved'));
      res.redirect(303, `/admin/events/${event.id}/credentials#c-${delegation.country}`);
    });
  });

  router.get(`${base}/:delegationId/file`, async (req, res) => {
    const { delegation } = await ownDelegation(req);
    sendOfficialNote(res, await credentialsFile(delegation.id));
  });

  // The letter a focal point sent, for the team to check before recording it.
  router.get(`${base}/:delegationId/upload`, async (req, res) => {
    const { delegation } = await ownDelegation(req);
    sendOfficialNote(res, await credentialsFile(uploadFileId(delegation.id)));
  });

  router.get(`/admin/events/:eventId/credentials.pdf`, requireUser, async (req, res) => {
    const event = await team(req);
    const rows = await credentialsOfEvent(event);
    await sendListPdf(req, res, deps.renderer, `${event.slug}-credentials`, (t, language) =>
      credentialsReportLayout(
        {
          eventTitle: localized(event.title, language, event.languages),
          rows,
          timeZone: event.timezone,
          now: deps.clock.now(),
        },
        t,
        language,
      ),
    );
  });

  return router;
}
