import { type Request, Router } from 'express';
import { countryName } from '../../../shared/countries.js';
import { LIMITS } from '../../../shared/limits.js';
import { readFileForm } from '../../../web/body.js';
import { flash } from '../../../web/flash.js';
import { handleForm } from '../../../web/forms.js';
import { pathParam } from '../../../web/params.js';
import { localized } from '../../events/index.js';
import type { PlenaryDeps } from '../speakers-list/speakers.service.js';
import { credentialsUploadOf, receiveCredentialsUpload } from './credentials.upload.js';
import { delegationOfLink, focalActor } from '../../registrations/index.js';

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * A focal point uploads their own delegation's letter of credentials through the nomination link
 * (DESIGN.md §6: "own delegation's, upload"). The delegation comes from the link alone, and the
 * page names only the file this delegation sent: no file is served back here.
 */
export function credentialsFocalRoutes(deps: PlenaryDeps): Router {
  const router = Router();
  const path = '/nominations/:token/credentials';

  const own = (req: Request) => delegationOfLink(pathParam(req, 'token'), deps.clock);

  const page = async (req: Request) => {
    const { delegation, event } = await own(req);
    return {
      title: req.t('credentials.focalTitle', { country: countryName(delegation.country, req.language) }),
      eventTitle: localized(event.title, req.language, event.languages),
      event,
      token: pathParam(req, 'token'),
      upload: await credentialsUploadOf(delegation.id),
      maxSize: megabytes(LIMITS.uploadBytes),
    };
  };

  router.get(path, async (req, res) => {
    res.render('plenary/focal-credentials', await page(req));
  });

  router.post(path, async (req, res) => {
    const { delegation, event } = await own(req);
    await handleForm(req, res, { view: 'plenary/focal-credentials', locals: () => page(req) }, async () => {
      const file = await readFileForm(req, res, 'file', LIMITS.uploadBytes);
      const actor = focalActor(delegation);
      await receiveCredentialsUpload(event, delegation, file, actor, deps);
      await flash(req, req.t('credentials.focalReceived'));
      res.redirect(303, `/nominations/${pathParam(req, 'token')}/credentials`);
    });
  });

  return router;
}
