import type { Request, RequestHandler, Response } from 'express';
import {
  DEFAULT_LANGUAGE,
  LANGUAGES,
  isLanguage,
  languageFromAcceptHeader,
  translatorFor,
  type Language,
  type Translator,
} from '../shared/i18n/index.js';

export const LANGUAGE_COOKIE = 'foro_lang';
const ONE_YEAR_MS = 365 * 24 * 3_600_000;

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** `?lang=` first (and remembered in a cookie), then the cookie, then Accept-Language; Spanish by default. */
export function chooseLanguage(input: {
  query: unknown;
  cookie: string | undefined;
  acceptLanguage: string | undefined;
}): { language: Language; fromQuery: boolean } {
  if (isLanguage(input.query)) return { language: input.query, fromQuery: true };
  if (isLanguage(input.cookie)) return { language: input.cookie, fromQuery: false };
  return { language: languageFromAcceptHeader(input.acceptLanguage) ?? DEFAULT_LANGUAGE, fromQuery: false };
}

/** The same page in another language: the current URL with `lang` replaced. */
function urlInLanguage(originalUrl: string, language: Language): string {
  const url = new URL(originalUrl, 'http://foro.invalid');
  url.searchParams.set('lang', language);
  return `${url.pathname}${url.search}`;
}

export function languageMiddleware(translator: Translator, secureCookie: boolean): RequestHandler {
  return (req, res, next) => {
    const { language, fromQuery } = chooseLanguage({
      query: req.query['lang'],
      cookie: readCookie(req.headers.cookie, LANGUAGE_COOKIE),
      acceptLanguage: req.headers['accept-language'],
    });
    if (fromQuery) {
      res.cookie(LANGUAGE_COOKIE, language, {
        maxAge: ONE_YEAR_MS,
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookie,
      });
    }
    req.language = language;
    req.t = translator.forLanguage(language);
    res.vary('Accept-Language').vary('Cookie');
    res.setHeader('Content-Language', language);
    res.locals['lang'] = language;
    res.locals['t'] = req.t;
    res.locals['languageLinks'] = LANGUAGES.map((code) => ({
      code,
      label: req.t(`language.${code}`),
      href: urlInLanguage(req.originalUrl, code),
      current: code === language,
    }));
    next();
  };
}

/**
 * Serves this response in a given language (a private page in its recipient's language) unless
 * the visitor chose one with `?lang=`.
 */
export function preferLanguage(req: Request, res: Response, language: Language): void {
  if (isLanguage(req.query['lang'])) return;
  req.language = language;
  req.t = translatorFor(language);
  res.setHeader('Content-Language', language);
  res.locals['lang'] = language;
  res.locals['t'] = req.t;
  for (const link of res.locals['languageLinks'] as { code: Language; current: boolean }[]) {
    link.current = link.code === language;
  }
}
