import { pathParam } from '../../web/params.js';
import { Router } from 'express';
import { confirmedOrAsk } from '../../web/confirm.js';
import type { Config } from '../../config/index.js';
import type { Clock } from '../../shared/clock.js';
import { parse } from '../../shared/validate.js';
import { formBody, handleForm } from '../../web/forms.js';
import { describeHistory, historyOf } from '../audit/index.js';
import { withAccountNames } from './account-names.js';
import { actorOf, requireRole } from './auth.middleware.js';
import { createTokenInput, inviteUserInput, updateUserInput } from './auth.schemas.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-token.service.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { ROLES } from './user.model.js';
import { getUser, inviteUser, issuePasswordReset, listUsers, updateUser } from './user.service.js';

/** Admin pages: the team's accounts and the API tokens. */
export function adminRoutes(config: Config, clock: Clock): Router {
  const router = Router();
  router.use('/admin/users', ...requireRole('admin'));
  router.use('/admin/tokens', ...requireRole('admin'));

  const usersPage = async (req: { t: (key: string) => string }) => ({
    title: req.t('admin.users'),
    users: await listUsers(),
    roles: ROLES,
    languages: LANGUAGES,
  });
  const linkUrl = (kind: 'setup' | 'reset', token: string) => `${config.publicUrl}/account/${kind}/${token}`;

  router.get('/admin/users', async (req, res) => {
    res.render('admin/users', await usersPage(req));
  });

  router.post('/admin/users', async (req, res) => {
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'admin/users', locals: await usersPage(req), values: body },
      async () => {
        const { user, link } = await inviteUser(parse(inviteUserInput, body), actorOf(req), clock);
        res.render('admin/link-issued', {
          title: req.t('admin.inviteIssued'),
          account: user,
          url: linkUrl('setup', link.token),
          expiresAt: link.expiresAt,
        });
      },
    );
  });

  router.get('/admin/users/:id', async (req, res) => {
    const user = await getUser(pathParam(req, 'id'));
    res.render('admin/user', {
      title: user.name,
      account: user,
      roles: ROLES,
      languages: LANGUAGES,
      // Admins alone read this page; accounts still appear by name, times in UTC (no event).
      history: describeHistory(
        await withAccountNames(await historyOf('user', user.id), { hideOtherAddresses: false }),
        { t: req.t, language: req.language, subjectType: 'user' },
      ),
    });
  });

  router.post('/admin/users/:id', async (req, res) => {
    const user = await updateUser(
      pathParam(req, 'id'),
      parse(updateUserInput, formBody(req)),
      actorOf(req),
      clock,
    );
    res.redirect(303, `/admin/users/${user.id}`);
  });

  router.post('/admin/users/:id/reset-link', async (req, res) => {
    const user = await getUser(pathParam(req, 'id'));
    const link = await issuePasswordReset(user.id, actorOf(req), clock);
    res.render('admin/link-issued', {
      title: req.t('admin.resetIssued'),
      account: user,
      url: linkUrl(user.status === 'invited' ? 'setup' : 'reset', link.token),
      expiresAt: link.expiresAt,
    });
  });

  const tokensPage = async (req: { t: (key: string) => string }) => {
    const users = await listUsers();
    return {
      title: req.t('admin.tokens'),
      users: users.filter((user) => user.status === 'active'),
      tokens: await listApiTokens(users),
    };
  };

  router.get('/admin/tokens', async (req, res) => {
    res.render('admin/tokens', await tokensPage(req));
  });

  router.post('/admin/tokens', async (req, res) => {
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'admin/tokens', locals: await tokensPage(req), values: body },
      async () => {
        const created = await createApiToken(parse(createTokenInput, body), actorOf(req), clock);
        res.status(201).render('admin/tokens', { ...(await tokensPage(req)), created });
      },
    );
  });

  router.post('/admin/tokens/:id/revoke', async (req, res) => {
    const asked = await confirmedOrAsk(req, res, () => ({
      question: req.t('confirm.revokeToken.question'),
      consequences: [req.t('confirm.revokeToken.effect')],
      confirm: req.t('confirm.revokeToken.confirm'),
      back: '/admin/tokens',
    }));
    if (!asked) return;
    await revokeApiToken(pathParam(req, 'id'), actorOf(req), clock);
    res.redirect(303, '/admin/tokens');
  });

  return router;
}
