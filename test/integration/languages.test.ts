import { expect } from 'chai';
import request from 'supertest';
import { useTestForo } from '../support/foro.js';

const HEADINGS = {
  es: 'Logística de foros intergubernamentales',
  pt: 'Logística de fóruns intergovernamentais',
  en: 'Logistics for intergovernmental forums',
} as const;
const LANGS = ['es', 'pt', 'en'] as const;

describe('platform: pages in Spanish, Portuguese and English', () => {
  const foro = useTestForo(import.meta.url);

  for (const lang of LANGS) {
    it(`renders the home page in ${lang} chosen by ?lang=, and remembers it in a cookie`, async () => {
      const res = await request(foro.url).get(`/?lang=${lang}`).set('Accept-Language', 'de');
      expect(res.status).to.equal(200);
      expect(res.text).to.contain(`<html lang="${lang}">`);
      expect(res.text).to.contain(HEADINGS[lang]);
      expect(res.headers['content-language']).to.equal(lang);
      expect(res.headers['set-cookie']?.[0]).to.match(new RegExp(`^foro_lang=${lang};`));
    });

    it(`renders the home page in ${lang} chosen by the cookie`, async () => {
      const res = await request(foro.url)
        .get('/')
        .set('Cookie', `foro_lang=${lang}`)
        .set('Accept-Language', 'de');
      expect(res.text).to.contain(HEADINGS[lang]);
    });

    it(`renders the home page in ${lang} chosen by Accept-Language`, async () => {
      const header = { es: 'es-EC,es;q=0.9', pt: 'pt-BR', en: 'fr;q=0.9, en-GB;q=0.8' }[lang];
      const res = await request(foro.url).get('/').set('Accept-Language', header);
      expect(res.text).to.contain(HEADINGS[lang]);
    });
  }

  it('speaks Spanish when nothing says otherwise', async () => {
    const res = await request(foro.url).get('/');
    expect(res.text).to.contain(HEADINGS.es);
  });

  it('lets ?lang= win over the cookie, and the cookie over the header', async () => {
    const query = await request(foro.url)
      .get('/?lang=pt')
      .set('Cookie', 'foro_lang=en')
      .set('Accept-Language', 'es');
    expect(query.text).to.contain(HEADINGS.pt);
    const cookie = await request(foro.url)
      .get('/')
      .set('Cookie', 'foro_lang=en')
      .set('Accept-Language', 'pt');
    expect(cookie.text).to.contain(HEADINGS.en);
  });

  it('shows a switch on every page that keeps the path and marks the current language', async () => {
    const res = await request(foro.url).get('/missing/page?x=1&lang=en');
    expect(res.status).to.equal(404);
    expect(res.text).to.contain('href="/missing/page?x=1&amp;lang=es"');
    expect(res.text).to.contain('href="/missing/page?x=1&amp;lang=pt"');
    expect(res.text).to.match(/lang=en"[^>]*aria-current="true"/);
  });

  it('ignores an unknown ?lang= value', async () => {
    const res = await request(foro.url).get('/?lang=fr').set('Accept-Language', 'pt');
    expect(res.text).to.contain(HEADINGS.pt);
    expect(res.headers['set-cookie']).to.equal(undefined);
  });
});
