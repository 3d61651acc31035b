import { type Request, Router } from 'express';
import { countryName } from '../../../shared/countries.js';
import { NotFoundError } from '../../../shared/errors.js';
import { LANGUAGES } from '../../../shared/i18n/index.js';
import { parse } from '../../../shared/validate.js';
import { flash } from '../../../web/flash.js';
import { formBody, handleForm } from '../../../web/forms.js';
import { pathParam } from '../../../web/params.js';
import { getSession, listSessions } from '../../agenda/index.js';
import { localized } from '../../events/index.js';
import { getPeople, displayName } from '../../people/index.js';
import { delegationMembers } from '../../registrations/index.js';
import { SPEAKER_LEVELS } from './speakers.order.js';
import { focalInscriptionInput } from './speakers.schemas.js';
import { inscribeForDelegation, type PlenaryDeps } from './speakers.service.js';
import { listOfSessionOr404, listsOfEvent, listState } from './speakers.state.js';
import { delegationOfLink, focalActor } from '../../registrations/index.js';

/**
 * The focal point's side, through their nomination link: the event's lists of speakers, what
 * their delegation has on each, and the inscription of one of the delegation. The delegation
 * comes from the link, never from the form.
 */
export function speakersFocalRoutes(deps: PlenaryDeps): Router {
  const router = Router();
  const own = (req: Request) => delegationOfLink(pathParam(req, 'token'), deps.clock);

  const page = async (req: Request) => {
    const { delegation, event } = await own(req);
    const [lists, sessions, members] = await Promise.all([
      listsOfEvent(event.id),
      listSessions(event.id),
      delegationMembers(delegation.id),
    ]);
    const active = members.filter((m) => m.status !== 'cancelled');
    const people = new Map((await getPeople(active.map((m) => m.personId))).map((p) => [p.id, p]));
    const now = deps.clock.now();
    const rows = await Promise.all(
      lists.map(async (list) => {
        const session = sessions.find((s) => s.id === list.sessionId);
        const state = await listState(list, session?.startsAt);
        return {
          list,
          session,
          title: session ? localized(session.title, req.language, event.languages) : '',
          open: now >= list.opensAt && now < list.closesAt,
          ours: state.entries.filter((e) => e.delegationId === delegation.id),
        };
      }),
    );
    return {
      title: req.t('speakers.focalTitle', { country: countryName(delegation.country, req.language) }),
      eventTitle: localized(event.title, req.language, event.languages),
      event,
      token: pathParam(req, 'token'),
      rows: rows.filter((r) => r.session),
      speakers: active.map((m) => {
        const person = people.get(m.personId);
        const role = req.t(`delegations.roles.${m.delegationRole ?? 'member'}`);
        return { value: m.personId, label: `${person ? displayName(person) : m.personId} (${role})` };
      }),
      levels: SPEAKER_LEVELS,
      languages: LANGUAGES,
      values: { language: req.language },
    };
  };

  router.get('/nominations/:token/speakers', async (req, res) => {
    res.render('plenary/focal', await page(req));
  });

  router.post('/nominations/:token/speakers/:sessionId', async (req, res) => {
    const { delegation, event } = await own(req);
    const session = await getSession(event.id, pathParam(req, 'sessionId')).catch(() => {
      throw new NotFoundError();
    });
    const list = await listOfSessionOr404(event.id, session.id);
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'plenary/focal', locals: () => page(req), values: { ...body, sessionId: session.id } },
      async () => {
        const actor = focalActor(delegation);
        await inscribeForDelegation(
          event,
          session,
          list,
          delegation,
          parse(focalInscriptionInput, body),
          actor,
          deps,
        );
        await flash(req, req.t('speakers.inscribed'));
        res.redirect(303, `/nominations/${pathParam(req, 'token')}/speakers`);
      },
    );
  });

  return router;
}
