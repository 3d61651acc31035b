import { type Request, Router } from 'express';
import type { Clock } from '../../shared/clock.js';
import { countriesByName, IBERO_AMERICAN_STATES } from '../../shared/countries.js';
import { absentIfNotFound, ValidationError } from '../../shared/errors.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { DEFAULT_TIMEZONE } from '../../shared/time.js';
import { parse } from '../../shared/validate.js';
import { formBody, handleForm } from '../../web/forms.js';
import { confirmedOrAsk, withoutConfirmation } from '../../web/confirm.js';
import { flash } from '../../web/flash.js';
import { pathParam } from '../../web/params.js';
import { actorOf, getUser, listUsers, requireRole, requireUser } from '../auth/index.js';
import { eventInputFromForm, formFieldName, formValuesOf, roomInputFromForm } from './event.form.js';
import { EVENT_STATUSES } from './event.model.js';
import {
  createEventInput,
  eventStatusInput,
  roomInput,
  teamMemberInput,
  updateEventInput,
} from './event.schemas.js';
import {
  addRoom,
  createEvent,
  listEvents,
  removeRoom,
  setEventStatus,
  updateEvent,
  updateRoom,
} from './event.service.js';
import { addTeamMember, removeTeamMember, teamOf } from './team.service.js';
import { eventOf, historyLines, eventWithPermissions } from './event.access.js';
import { eventPage } from './event.views.js';
import { envelopeOf } from '../../shared/mailbox.js';

const NEW_EVENT_DEFAULTS = { timezone: DEFAULT_TIMEZONE, languages: [...LANGUAGES], countries: [] };

/**
 * Organizer pages for events: list, create, edit, status, rooms, team, history. `mail` is the
 * configuration's sender, which an event's own sender falls back to part by part.
 */
export function eventAdminRoutes(clock: Clock, mail: { from: string; replyTo?: string | undefined }): Router {
  const router = Router();
  router.use('/admin', requireUser);

  const formLocals = (req: Request) => ({
    countryOptions: countriesByName(req.language),
    iberoAmerican: IBERO_AMERICAN_STATES,
    languageOptions: LANGUAGES,
    defaultSender: mail.from,
  });

  router.get('/admin/events', async (req, res) => {
    res.render('events/list', { title: req.t('events.title'), events: await listEvents() });
  });

  router.get('/admin/events/new', ...requireRole('admin', 'organizer'), (req, res) => {
    res.render('events/form', {
      heading: req.t('events.new'),
      title: req.t('events.new'),
      ...formLocals(req),
      values: NEW_EVENT_DEFAULTS,
    });
  });

  router.post('/admin/events', ...requireRole('admin', 'organizer'), async (req, res) => {
    const body = formBody(req);
    const form = {
      view: 'events/form',
      locals: { heading: req.t('events.new'), title: req.t('events.new'), ...formLocals(req) },
      values: body,
      fieldName: formFieldName,
    };
    await handleForm(req, res, form, async () => {
      const event = await createEvent(parse(createEventInput, eventInputFromForm(body)), actorOf(req), clock);
      await flash(req, req.t('flash.eventCreated'));
      res.redirect(303, `/admin/events/${event.id}`);
    });
  });

  router.get('/admin/events/:eventId/settings', async (req, res) => {
    const { event, can } = await eventWithPermissions(req);
    const users = await listUsers();
    const team = (await teamOf(event.id)).map((member) => ({
      ...member,
      user: users.find((u) => u.id === member.userId),
    }));
    const memberIds = new Set(team.map((member) => member.userId));
    res.render('events/manage', {
      ...eventPage(event, req.language, req.t('workspace.menu.eventSettings')),
      event,
      canEdit: can.edit,
      team,
      teamAddresses: can.accountAddresses,
      candidates: users.filter((u) => u.status === 'active' && u.role !== 'viewer' && !memberIds.has(u.id)),
      statuses: EVENT_STATUSES,
      history: await historyLines(req, { type: 'event', id: event.id }, can, { event }),
      sender: envelopeOf(event.sender, mail),
      languageOptions: LANGUAGES,
    });
  });

  router.get('/admin/events/:eventId/edit', async (req, res) => {
    const event = await eventOf(req, { edit: true });
    res.render('events/form', {
      ...eventPage(event, req.language, req.t('events.edit')),
      event,
      ...formLocals(req),
      values: formValuesOf(event),
    });
  });

  router.post('/admin/events/:eventId', async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    const locals = { ...eventPage(event, req.language, req.t('events.edit')), event, ...formLocals(req) };
    await handleForm(
      req,
      res,
      { view: 'events/form', locals, values: body, fieldName: formFieldName },
      async () => {
        const input = parse(updateEventInput, eventInputFromForm(body));
        if (input.revision === undefined)
          throw new ValidationError([{ field: 'revision', code: 'required' }]);
        await updateEvent(event.id, input, actorOf(req), clock);
        await flash(req, req.t('flash.saved'));
        res.redirect(303, `/admin/events/${event.id}/settings`);
      },
    );
  });

  router.post('/admin/events/:eventId/status', async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const eventId = event.id;
    const { status } = parse(eventStatusInput, withoutConfirmation(formBody(req)));
    // Taking an event off the public pages or closing it: said first, then done.
    const step = status === 'archived' ? 'archive' : status === 'draft' ? 'unpublish' : undefined;
    if (step) {
      const asked = await confirmedOrAsk(req, res, () => ({
        question: req.t(`confirm.${step}.question`),
        consequences: [req.t(`confirm.${step}.effect`)],
        confirm: req.t(`confirm.${step}.confirm`),
        back: `/admin/events/${eventId}/settings`,
      }));
      if (!asked) return;
    }
    await setEventStatus(eventId, status, actorOf(req), clock);
    await flash(req, req.t('flash.eventStatus', { status: req.t(`eventStatus.${status}`) }));
    res.redirect(303, `/admin/events/${eventId}/settings`);
  });

  router.post('/admin/events/:eventId/rooms', async (req, res) => {
    const eventId = (await eventOf(req, { edit: true })).id;
    const input = parse(roomInput, roomInputFromForm(formBody(req)));
    await addRoom(eventId, input, actorOf(req), clock);
    await flash(req, req.t('flash.roomAdded', { room: input.name }));
    res.redirect(303, `/admin/events/${eventId}/settings`);
  });

  router.post('/admin/events/:eventId/rooms/:roomId', async (req, res) => {
    const eventId = (await eventOf(req, { edit: true })).id;
    const input = parse(roomInput, roomInputFromForm(formBody(req)));
    await updateRoom(eventId, pathParam(req, 'roomId'), input, actorOf(req), clock);
    await flash(req, req.t('flash.roomSaved', { room: input.name }));
    res.redirect(303, `/admin/events/${eventId}/settings`);
  });

  router.post('/admin/events/:eventId/rooms/:roomId/delete', async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const eventId = event.id;
    const room = event.rooms.find((r) => r.id === pathParam(req, 'roomId'));
    const asked = await confirmedOrAsk(req, res, () => ({
      question: req.t('confirm.removeRoom.question', { room: room?.name ?? '' }),
      consequences: [req.t('confirm.removeRoom.effect')],
      confirm: req.t('confirm.removeRoom.confirm'),
      back: `/admin/events/${eventId}/settings#rooms`,
    }));
    if (!asked) return;
    await removeRoom(eventId, pathParam(req, 'roomId'), actorOf(req), clock);
    await flash(req, req.t('flash.roomRemoved', { room: room?.name ?? '' }));
    res.redirect(303, `/admin/events/${eventId}/settings`);
  });

  // Teams decide who may edit an event: only admins change them (DESIGN.md §6).
  router.post('/admin/events/:eventId/team', ...requireRole('admin'), async (req, res) => {
    const eventId = (await eventOf(req)).id;
    const { userId } = parse(teamMemberInput, formBody(req));
    const member = await getUser(userId).catch(absentIfNotFound);
    if (!member || member.status !== 'active' || member.role === 'viewer') {
      throw new ValidationError([{ field: 'userId', code: 'unknown_reference' }]);
    }
    await addTeamMember(eventId, { id: userId, label: member.email }, actorOf(req), clock);
    await flash(req, req.t('flash.teamAdded', { name: member.name }));
    res.redirect(303, `/admin/events/${eventId}/settings`);
  });

  router.post('/admin/events/:eventId/team/:userId/delete', ...requireRole('admin'), async (req, res) => {
    const eventId = (await eventOf(req)).id;
    const userId = pathParam(req, 'userId');
    const member = await getUser(userId).catch(absentIfNotFound);
    const asked = await confirmedOrAsk(req, res, () => ({
      question: req.t('confirm.removeMember.question', { name: member?.name ?? userId }),
      consequences: [req.t('confirm.removeMember.effect')],
      confirm: req.t('confirm.removeMember.confirm'),
      back: `/admin/events/${eventId}/settings#team`,
    }));
    if (!asked) return;
    await removeTeamMember(eventId, { id: userId, label: member?.email ?? userId }, actorOf(req), clock);
    await flash(req, req.t('flash.teamRemoved', { name: member?.name ?? userId }));
    res.redirect(303, `/admin/events/${eventId}/settings`);
  });

  return router;
}
