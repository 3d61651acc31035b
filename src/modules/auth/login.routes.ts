import { pathParam } from '../../web/params.js';
import { Router, type Request } from 'express';
import type { Config } from '../../config/index.js';
import type { Clock } from '../../shared/clock.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { parse } from '../../shared/validate.js';
import { flash } from '../../web/flash.js';
import { formBody, handleForm } from '../../web/forms.js';
import { addressLimit } from '../../web/rate-limit.js';
import { actorOf, requireUser } from './auth.middleware.js';
import {
  changePasswordInput,
  loginInput,
  newPasswordInput,
  ownLanguageInput,
  returnTo,
} from './auth.schemas.js';
import {
  accountForLink,
  authenticate,
  changeOwnPassword,
  setPasswordWithLink,
  updateUser,
  type AccountLinkKind,
} from './user.service.js';

function loginLimiters(config: Config, clock: Clock) {
  const common = {
    windowMs: config.loginRateLimit.windowMs,
    // Only failed attempts count: a successful sign-in answers with a redirect.
    failed: (status: number) => status >= 400,
  };
  const accountOf = (req: Request) => {
    const email = formBody(req)['email'];
    return typeof email === 'string' ? `account:${email.trim().toLowerCase().slice(0, 254)}` : 'account:';
  };
  return [
    addressLimit(clock, { ...common, name: 'sign-in', limit: config.loginRateLimit.perAddress }),
    addressLimit(clock, {
      ...common,
      name: 'sign-in',
      limit: config.loginRateLimit.perAccount,
      key: accountOf,
    }),
  ];
}

/** Regenerates the session on sign-in, so a session id known before it is worthless after. */
function startSession(req: Request, user: { id: string; authVersion: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((error) => {
      if (error) return reject(error instanceof Error ? error : new Error(String(error)));
      req.session.userId = user.id;
      req.session.authVersion = user.authVersion;
      // Saved before answering: express-session would send the redirect's headers before its own
      // save finishes, and the browser could ask for the next page before the session exists.
      req.session.save((saveError) =>
        saveError ? reject(saveError instanceof Error ? saveError : new Error(String(saveError))) : resolve(),
      );
    });
  });
}

export function loginRoutes(config: Config, clock: Clock): Router {
  const router = Router();

  router.get('/login', (req, res) => {
    const back = returnTo.parse(
      typeof req.query['returnTo'] === 'string' ? req.query['returnTo'] : undefined,
    );
    if (req.user) return res.redirect(303, back ?? '/admin');
    res.render('auth/login', {
      title: req.t('auth.signIn'),
      values: { returnTo: back ?? '' },
      passwordSet: req.query['done'] === 'password',
    });
  });

  router.post('/login', ...loginLimiters(config, clock), async (req, res) => {
    const body = formBody(req);
    await handleForm(
      req,
      res,
      {
        view: 'auth/login',
        locals: { title: req.t('auth.signIn') },
        values: { email: body['email'], returnTo: body['returnTo'] },
        voice: 'own',
      },
      async () => {
        const input = parse(loginInput, body);
        const user = await authenticate(input.email, input.password, clock);
        await startSession(req, user);
        res.redirect(303, input.returnTo ?? '/admin');
      },
    );
  });

  router.post('/logout', (req, res, next) => {
    req.session.destroy((error) => {
      if (error) return next(error);
      res.clearCookie('foro_sid').redirect(303, '/');
    });
  });

  for (const kind of ['setup', 'reset'] as AccountLinkKind[]) {
    const view = 'auth/set-password';
    const title = (req: Request) => req.t(kind === 'setup' ? 'auth.setupTitle' : 'auth.resetTitle');

    router.get(`/account/${kind}/:token`, async (req, res) => {
      const account = await accountForLink(pathParam(req, 'token'), kind, clock);
      res.set('Referrer-Policy', 'no-referrer').render(view, { title: title(req), account, kind });
    });

    router.post(`/account/${kind}/:token`, async (req, res) => {
      const account = await accountForLink(pathParam(req, 'token'), kind, clock);
      await handleForm(
        req,
        res,
        { view, locals: { title: title(req), account, kind }, voice: 'own' },
        async () => {
          const input = parse(newPasswordInput, formBody(req));
          await setPasswordWithLink(pathParam(req, 'token'), kind, input.password, clock);
          res.redirect(303, '/login?done=password');
        },
      );
    });
  }

  const accountPage = (req: Request) => ({ title: req.t('auth.changePassword'), languages: LANGUAGES });

  router.get('/account/password', requireUser, (req, res) => {
    res.render('auth/change-password', accountPage(req));
  });

  // The language Foro writes to the account in (its team notices): each person chooses their own.
  router.post('/account/language', requireUser, async (req, res) => {
    const { language } = parse(ownLanguageInput, formBody(req));
    await updateUser(req.user!.id, { language }, actorOf(req), clock);
    await flash(req, req.t('auth.languageSaved'));
    res.redirect(303, '/account/password');
  });

  router.post('/account/password', requireUser, async (req, res) => {
    const locals = accountPage(req);
    await handleForm(req, res, { view: 'auth/change-password', locals, voice: 'own' }, async () => {
      const input = parse(changePasswordInput, formBody(req));
      const authVersion = await changeOwnPassword(req.user!.id, input, clock);
      // This session stays signed in; every other session of the account ends.
      req.session.authVersion = authVersion;
      res.render('auth/change-password', { ...locals, done: true });
    });
  });

  return router;
}
