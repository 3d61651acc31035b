import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_KEYS, ConfigError, loadConfig } from '../../src/config/index.js';
import { projectRoot } from '../../src/paths.js';

describe('config: loadConfig', () => {
  it('gives safe local defaults when nothing is set', () => {
    const config = loadConfig({}, '/srv/foro');
    expect(config.port).to.equal(3000);
    expect(config.host).to.equal('127.0.0.1');
    expect(config.publicUrl).to.equal('http://localhost:3000');
    expect(config.dataDir).to.equal('/srv/foro/data');
    expect(config.mongodbUri).to.equal(undefined);
    expect(config.session.secret.length).to.be.at.least(32);
    expect(config.session.secureCookie).to.equal(false);
  });

  it('names the bad key in its message', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).to.throw(ConfigError, /PORT/);
    expect(() => loadConfig({ MONGODB_URI: 'postgres://x' })).to.throw(ConfigError, /MONGODB_URI/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://example.org' })).to.throw(ConfigError, /PUBLIC_URL/);
    expect(() => loadConfig({ RATE_LIMIT_MAX: '0' })).to.throw(ConfigError, /RATE_LIMIT_MAX/);
  });

  it('requires SESSION_SECRET in production, and a long one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).to.throw(ConfigError, /SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short' })).to.throw(
      ConfigError,
      /SESSION_SECRET: must be at least 32/,
    );
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      MAIL_FROM: 'Foro <foro@cepal.org>',
    });
    expect(config.session.secret).to.equal('x'.repeat(40));
  });

  it('refuses a localhost sender or reply-to in production, and takes real ones', () => {
    const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig(production), 'the default sender').to.throw(
      ConfigError,
      /MAIL_FROM: must be a real/,
    );
    for (const from of [
      'Foro <foro@localhost>',
      'foro@localhost',
      'Foro <foro@mail.localhost>',
      'foro@localhost.localdomain',
      'Foro <foro@[127.0.0.1]>',
      'Foro <foro>',
    ]) {
      expect(() => loadConfig({ ...production, MAIL_FROM: from }), from).to.throw(ConfigError, /MAIL_FROM/);
    }
    expect(() =>
      loadConfig({
        ...production,
        MAIL_FROM: 'Foro <foro@cepal.org>',
        MAIL_REPLY_TO: 'secretaria@localhost',
      }),
    ).to.throw(ConfigError, /MAIL_REPLY_TO/);
    const config = loadConfig({
      ...production,
      MAIL_FROM: 'Foro Cuenca <foro@cepal.org>',
      MAIL_REPLY_TO: 'secretaria@segib.org',
    });
    expect(config.mail.from).to.equal('Foro Cuenca <foro@cepal.org>');
    expect(config.mail.replyTo).to.equal('secretaria@segib.org');
    // Development keeps the local default, so Foro starts with nothing set.
    expect(loadConfig({}).mail.from).to.equal('Foro <foro@localhost>');
  });

  it('treats empty values as unset and trims the public URL', () => {
    const config = loadConfig({ MONGODB_URI: '', PUBLIC_URL: 'https://foro.example.org/' });
    expect(config.mongodbUri).to.equal(undefined);
    expect(config.publicUrl).to.equal('https://foro.example.org');
    expect(config.session.secureCookie).to.equal(true);
  });

  it('keeps an absolute DATA_DIR and parses TRUST_PROXY', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/foro' }).dataDir).to.equal('/var/lib/foro');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).to.equal(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).to.equal(true);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).to.equal('loopback');
  });

  it('is silent in tests unless LOG_LEVEL says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).to.equal('silent');
    expect(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'debug' }).logLevel).to.equal('debug');
  });
});

describe('config: .env.example', () => {
  it('documents every setting, and its values load', async () => {
    const text = await readFile(join(projectRoot, '.env.example'), 'utf8');
    const mentioned = new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect([...CONFIG_KEYS].filter((key) => !mentioned.has(key))).to.deep.equal([]);
    const values = Object.fromEntries(
      [...text.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1] as string, m[2] as string]),
    );
    expect(() => loadConfig(values)).to.not.throw();
  });
});
