import { expect } from 'chai';
import { catalogs, createTranslator, languageFromAcceptHeader } from '../../src/shared/i18n/index.js';
import { chooseLanguage } from '../../src/web/language.js';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('i18n: catalogs and language choice', () => {
  it('has every UI string in Spanish, Portuguese and English', () => {
    const spanish = keysOf(catalogs.es).sort();
    expect(keysOf(catalogs.pt).sort()).to.deep.equal(spanish);
    expect(keysOf(catalogs.en).sort()).to.deep.equal(spanish);
  });

  it('explains every error code Foro throws, with a title and a detail in each language', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const files = (await readdir('src', { recursive: true })).filter((f) => f.endsWith('.ts'));
    const codes = new Set<string>();
    for (const file of files) {
      const source = await readFile(`src/${file}`, 'utf8');
      for (const m of source.matchAll(/readonly code = '([A-Z_]+)'|new \w+Error\('([A-Z_]+)'/g))
        codes.add(m[1] ?? m[2]!);
    }
    expect(codes.size).to.be.greaterThan(20);
    const missing = [...codes].flatMap((code) =>
      (['es', 'pt', 'en'] as const).flatMap((language) => {
        const entry = (catalogs[language].errors as Record<string, { title?: string; detail?: string }>)[
          code
        ];
        return entry?.title && entry.detail ? [] : [`${language}: ${code}`];
      }),
    );
    expect(missing).to.deep.equal([]);
  });

  it('has a string for every key a view or the code names outright (a missing one shows as "audit.who")', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const sources = [
      ...(await readdir('views', { recursive: true }))
        .filter((f) => f.endsWith('.eta'))
        .map((f) => `views/${f}`),
      ...(await readdir('src', { recursive: true })).filter((f) => f.endsWith('.ts')).map((f) => `src/${f}`),
    ];
    const known = new Set(keysOf(catalogs.es));
    const isKnown = (key: string) => known.has(key) || [...known].some((k) => k.startsWith(`${key}.`));
    const named: string[] = [];
    for (const file of sources) {
      const source = await readFile(file, 'utf8');
      // A key whose end is worked out at run time (`t('roles.' + role)`) ends in a dot: not checked here.
      for (const m of source.matchAll(/\bt\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g))
        named.push(`${file}: ${m[1]}`);
    }
    expect(named.length).to.be.greaterThan(500);
    expect(named.filter((entry) => !isKnown(entry.split(': ')[1]!))).to.deep.equal([]);
  });

  it('translates with interpolation and falls back to Spanish', () => {
    const translator = createTranslator();
    expect(translator.forLanguage('en')('validation.too_long', { max: 120 })).to.equal(
      'Too long: at most 120 characters.',
    );
    expect(translator.forLanguage('pt')('errors.NOT_FOUND.title')).to.equal('Página não encontrada');
  });

  it('reads Accept-Language with q-values and regional variants', () => {
    expect(languageFromAcceptHeader('pt-BR,pt;q=0.9,en;q=0.8')).to.equal('pt');
    expect(languageFromAcceptHeader('fr-FR, en;q=0.5, es;q=0.7')).to.equal('es');
    expect(languageFromAcceptHeader('de, fr')).to.equal(undefined);
    expect(languageFromAcceptHeader('en;q=0, pt;q=0.1')).to.equal('pt');
    expect(languageFromAcceptHeader(undefined)).to.equal(undefined);
  });

  it('prefers ?lang=, then the cookie, then Accept-Language, then Spanish', () => {
    const header = 'en-GB,en;q=0.9';
    expect(chooseLanguage({ query: 'pt', cookie: 'en', acceptLanguage: header })).to.deep.equal({
      language: 'pt',
      fromQuery: true,
    });
    expect(chooseLanguage({ query: 'xx', cookie: 'pt', acceptLanguage: header }).language).to.equal('pt');
    expect(chooseLanguage({ query: undefined, cookie: 'zz', acceptLanguage: header }).language).to.equal(
      'en',
    );
    expect(chooseLanguage({ query: ['en'], cookie: undefined, acceptLanguage: undefined }).language).to.equal(
      'es',
    );
  });
});
