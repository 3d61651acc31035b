import type { Request, RequestHandler } from 'express';

declare module 'express-session' {
  interface SessionData {
    /** What the last form did, said once on the next page (see `flash`). */
    flash?: string;
  }
}

/**
 * Says on the next page what a form just did ("Changes saved."), without script: the message
 * waits in the session and the next page that renders shows it once (partials/flash). Saved
 * before the redirect is answered, so the browser cannot ask for the next page first.
 */
export async function flash(req: Request, message: string): Promise<void> {
  // Requests without a session (API tokens, tests that build the app bare) have no next page.
  if (!req.session) return;
  req.session.flash = message;
  await new Promise<void>((resolve, reject) =>
    req.session.save((error) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(),
    ),
  );
}

/**
 * Gives views `flash`: read when a page renders (Express copies the locals then), and gone from
 * the session from that moment, so a download or a redirect in between does not use it up.
 */
export const flashMessages: RequestHandler = (req, res, next) => {
  Object.defineProperty(res.locals, 'flash', {
    enumerable: true,
    configurable: true,
    get(): string | undefined {
      const message = req.session?.flash;
      if (message !== undefined) delete req.session.flash;
      return message;
    },
  });
  next();
};
