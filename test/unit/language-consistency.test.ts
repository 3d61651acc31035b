import { expect } from 'chai';
import { readFile, readdir } from 'node:fs/promises';
import { catalogs, LANGUAGES, type Language } from '../../src/shared/i18n/index.js';
import { TEMPLATE_KEYS, defaultTemplate } from '../../src/modules/messaging/catalogue/index.js';
import { DEFAULT_LETTERS } from '../../src/modules/documents/letters/letter-defaults.js';
import { CUENCA_EVENT } from '../../src/modules/demo/cuenca.js';
import { CUENCA_PROGRAMME } from '../../src/modules/demo/cuenca-programme.js';

/**
 * One variety per language: Brazilian Portuguese, Spanish addressed with "usted", and UN
 * English (Oxford spelling: "organization" and "recognize", but "programme", "centre", "colour",
 * "cancelled"). Each rule names a form of the other variety and what Foro writes instead.
 */
interface Rule {
  pattern: RegExp;
  instead: string;
}

/** A whole word (or phrase) in any case; letters with accents count as letters. */
const word = (source: string, instead: string): Rule => ({
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'iu'),
  instead,
});

const EUROPEAN_PORTUGUESE: Rule[] = [
  word('apelidos?', 'sobrenome'),
  word('nomes? próprios?|nome\\(s\\) próprio', 'nome(s)'),
  word('equipas?', 'equipe'),
  word('género|géneros', 'gênero'),
  word('guard(?:ar|ad[oa]s?|e|em|ou|a-se|ou-se)', 'salvar'),
  word('palavras?-passe', 'senha'),
  word('contactos?|contactar', 'contato'),
  word('regist(?:o|os|ar|ad[oa]s?|e|ou)', 'registro, registrar'),
  word('ficheiros?', 'arquivo'),
  word('telemóve(?:l|is)', 'celular'),
  word('utilizador(?:es|as?)?', 'usuário'),
  word('ecrãs?', 'tela'),
  word('factos?', 'fato'),
  word('secç(?:ão|ões)', 'seção'),
  word('receç(?:ão|ões)', 'recepção'),
  word('moradas?', 'endereço'),
  word('autocarros?', 'ônibus'),
  word('comboios?', 'trem'),
  word('pequeno-almoço', 'café da manhã'),
  word('actua(?:l|is|liz\\p{L}*)', 'atual, atualizar'),
  word(
    '(?:acç|direcç|excepç|selecç|colecç|recepç)\\p{L}*',
    'spelling of the 1990 agreement as written in Brazil',
  ),
  word('objectiv\\p{L}*|óptim\\p{L}*|electr\\p{L}*', 'objetivo, ótimo, eletrônico'),
  word('eletrónic\\p{L}*|electrónic\\p{L}*', 'eletrônico'),
  word('correio(?: eletrónico| de saída)?', 'e-mail, caixa de saída'),
  word('apag(?:ar|ad[oa]s?|ue|uem)', 'excluir'),
  word('transferir', 'baixar'),
  word('descarreg\\p{L}*', 'baixar'),
  word('carregue|carregá-lo', 'clique, envie'),
  word('sítios?', 'site'),
  word('gerir', 'gerenciar'),
  word('consola', 'console'),
  word('controlo', 'controle'),
  word('connosco', 'conosco'),
  word('partilh\\p{L}*', 'compartilhar'),
  word('subscrev\\p{L}*', 'assinar'),
  word('cifrad[oa]s?', 'criptografado'),
  word('comunicação social', 'mídia, imprensa'),
  word('correu mal', 'deu errado'),
  word('(?:iniciar|inicie|terminar|termine) (?:a )?sessão', 'entrar, sair'),
  word('algarismos?', 'números'),
  word('hífenes', 'hifens'),
  word('noutr[oa]s?|num|numa|nuns|numas', 'em outro, em um'),
  word('por (?:convidar|responder|enviar|fazer|rever)', 'a convidar, para convidar'),
  word(
    '(?:está|estão|estava|estou|estar|esteja|continua|fica) a \\p{L}+r|a enviar',
    'gerúndio: está enviando',
  ),
  word('(?:a|o|as|os) (?:minha|meu|minhas|meus|sua|seu|suas|seus)', 'sua, seu (sem artigo)'),
  { pattern: /[«»]/u, instead: 'aspas “ ”' },
];

const SPANISH_TU: Rule[] = [
  word('tu|tus|ti|te|contigo|tuy[oa]s?', 'su, usted, le'),
  word(
    'puedes|tienes|quieres|necesitas|debes|eres|estás|sabes|vas|has \\p{L}+(?:ado|ido)',
    'puede, tiene… (usted)',
  ),
  word('haz(?: clic)?|elige|pulsa|introduce|escoge', 'haga clic, elija, pulse… (usted)'),
  word(
    'revisa (?:el|la|los|las|tu|tus)|completa (?:el|la|tu)|selecciona (?:el|la|una|un|tu)',
    'revise, complete, seleccione',
  ),
  word(
    'vuelve a (?:intentarlo|cargar|enviar|inscribirte)|inténtalo|asegúrate|recuerda que',
    'vuelva a intentarlo, asegúrese',
  ),
  word(
    'inscríbete|regístrate|suscríbete|descárgal[oa]s?|cópial[oa]s?|revísal[oa]s?|escríbel[oa]s?|elígel[oa]s?|compruébal[oa]s?|restáural[oa]s?|revócal[oa]s?|añádel[oa]s?',
    'inscríbase, descárguelo… (usted)',
  ),
  word('vosotros|vuestr[oa]s?|podéis|tenéis', 'ustedes'),
];

const OTHER_ENGLISH: Rule[] = [
  word(
    '(?:organ|recogn|author|custom|final|priorit|summar|minim|maxim|normal|categor|real|apolog|standard|synchron|optim|personal|util|visual|emphas|special)is(?:e|ed|es|ing|ation|ations|er|ers)',
    '-ize, -ization (Oxford spelling, as the UN writes)',
  ),
  word('analyz\\p{L}*|paralyz\\p{L}*', 'analyse'),
  word('colors?|colored', 'colour'),
  word('centers?|centered', 'centre'),
  word('cancel(?:ed|ing)', 'cancelled, cancelling'),
  word('travel(?:ed|ing|er|ers)|label(?:ed|ing)|model(?:ed|ing)', 'travelled, labelled, modelled'),
  word('behaviors?|favors?|favorite|honors?|labors?', 'behaviour, favour, honour, labour'),
  word('catalogs?', 'catalogue'),
  word('enroll(?:s|ed|ing|ment)?', 'enrol, enrolment'),
  word('judgment|defense|gray|toward|fulfill', 'judgement, defence, grey, towards, fulfil'),
  word('e-mail|e-mails', 'email'),
  // A computer program is a program in UN English too; an event's is a programme.
  { pattern: /(?<![\p{L}]|mail |computer )programs?(?![\p{L}])/iu, instead: 'programme' },
];

const RULES: Record<Language, Rule[]> = { pt: EUROPEAN_PORTUGUESE, es: SPANISH_TU, en: OTHER_ENGLISH };

/** Every sentence Foro writes in one language, each with where it comes from. */
function textsIn(language: Language): [where: string, text: string][] {
  const texts: [string, string][] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') texts.push([`catalogue ${language}: ${path}`, value]);
    else if (value && typeof value === 'object')
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
  };
  walk(catalogs[language], '');
  for (const key of TEMPLATE_KEYS) {
    const mail = defaultTemplate(key, language);
    texts.push([`mail ${key} (${language})`, `${mail.subject}\n${mail.body}`]);
  }
  for (const [kind, letters] of Object.entries(DEFAULT_LETTERS))
    texts.push([`letter ${kind} (${language})`, letters[language]]);
  const demo = [CUENCA_EVENT.title, CUENCA_EVENT.description, CUENCA_EVENT.organizers ?? {}];
  for (const s of CUENCA_PROGRAMME) demo.push(s.session.title, s.session.description ?? {});
  demo.forEach((text, i) => {
    const value = (text as Partial<Record<Language, string>>)[language];
    if (value) texts.push([`demo text ${i} (${language})`, value]);
  });
  return texts;
}

/** Where a text uses a form of the other variety. */
function offences(language: Language, texts: [string, string][] = textsIn(language)): string[] {
  return texts.flatMap(([where, text]) =>
    RULES[language].flatMap(({ pattern, instead }) => {
      const found = pattern.exec(text);
      return found ? [`${where}: “${found[0]}” (Foro writes: ${instead})`] : [];
    }),
  );
}

/** The text a template shows as written, outside its code, tags and <code> samples. */
function visibleText(source: string): string {
  return source
    .replace(/<%[\s\S]*?%>/g, ' ')
    .replace(/<(script|style|code)[\s\S]*?<\/\1>/g, ' ')
    .replace(/&[a-z]+;/g, ' ')
    .replace(/<[^>]*>/g, (tag) =>
      [...tag.matchAll(/\s(?:title|aria-label|alt|placeholder)="([^"]*)"/g)].map((m) => ` ${m[1]} `).join(''),
    );
}

/** Words a template may show as they are: technical names, not prose. */
const TECHNICAL_WORDS = new Set(['HTML', 'Message-ID', 'Website', 'KB']);

describe('languages: one variety per language in everything Foro writes', () => {
  it('catches the forms each list is for (the lists are not empty words)', () => {
    const found = (language: Language, text: string) =>
      RULES[language].flatMap(({ pattern }) => pattern.exec(text)?.[0] ?? []);
    expect(found('pt', 'Apelido(s)')).to.deep.equal(['Apelido']);
    expect(found('pt', 'Guardar a palavra-passe do utilizador.')).to.deep.equal([
      'Guardar',
      'palavra-passe',
      'utilizador',
    ]);
    expect(found('pt', 'A mensagem está a ser enviada para o seu contacto.')).to.deep.equal([
      'contacto',
      'está a ser',
      'o seu',
    ]);
    expect(
      found('pt', 'Salvar a senha do usuário; a mensagem está sendo enviada para seu contato.'),
    ).to.deep.equal([]);
    expect(found('es', 'Puedes revisar tu inscripción: haz clic aquí e inténtalo de nuevo.')).to.deep.equal([
      'tu',
      'Puedes',
      'haz clic',
      'inténtalo',
    ]);
    expect(found('es', 'Puede revisar su inscripción: haga clic aquí e inténtelo de nuevo.')).to.deep.equal(
      [],
    );
    expect(found('en', 'The organisation cancelled the program.')).to.deep.equal(['organisation', 'program']);
    expect(
      found('en', 'The organization cancelled the programme; your mail program updates it.'),
    ).to.deep.equal([]);
  });

  for (const [language, variety] of [
    ['pt', 'Brazilian Portuguese'],
    ['es', 'Spanish addressed with usted'],
    ['en', 'UN English (Oxford spelling)'],
  ] as const) {
    it(`writes ${variety} in the catalogue, the default mails and letters and the demo`, () => {
      expect(LANGUAGES).to.include(language);
      expect(offences(language)).to.deep.equal([]);
    });
  }

  it('keeps no words in the views: every text a page shows comes from the catalogues', async () => {
    const files = (await readdir('views', { recursive: true })).filter((f) => f.endsWith('.eta'));
    expect(files.length).to.be.greaterThan(40);
    const found: string[] = [];
    for (const file of files) {
      const text = visibleText(await readFile(`views/${file}`, 'utf8'));
      for (const [token] of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\-.']*/gu))
        if (/\p{L}{2}/u.test(token) && !/\p{N}/u.test(token) && !TECHNICAL_WORDS.has(token))
          found.push(`${file}: ${token}`);
    }
    expect(found).to.deep.equal([]);
  });
});
