/**
 * Portuguese joins "de" with a country's article: "Delegação do Brasil", "da Argentina", "dos
 * Estados Unidos", but "de Portugal", "de Cuba". The catalogues write "de {{country}}" whatever
 * the country, so Portuguese text is mended after it is filled in. Countries not named here keep
 * "de", which is right for those without an article and rare for the others.
 */
const ARTICLE: Record<string, 'do' | 'da' | 'dos' | 'das'> = {
  Brasil: 'do',
  Chile: 'do',
  Equador: 'do',
  México: 'do',
  Panamá: 'do',
  Paraguai: 'do',
  Peru: 'do',
  Uruguai: 'do',
  Canadá: 'do',
  Japão: 'do',
  Haiti: 'do',
  'Reino Unido': 'do',
  Marrocos: 'do',
  Argentina: 'da',
  Bolívia: 'da',
  Colômbia: 'da',
  'Costa Rica': 'da',
  Guatemala: 'da',
  Nicarágua: 'da',
  'República Dominicana': 'da',
  Espanha: 'da',
  Venezuela: 'da',
  Alemanha: 'da',
  França: 'da',
  Itália: 'da',
  China: 'da',
  Índia: 'da',
  Rússia: 'da',
  Bélgica: 'da',
  Suíça: 'da',
  'Guiné-Bissau': 'da',
  'Estados Unidos': 'dos',
  'Países Baixos': 'dos',
  Filipinas: 'das',
};

const escaped = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERN = new RegExp(
  `\\b(d|D)e (${Object.keys(ARTICLE)
    .sort((a, b) => b.length - a.length)
    .map(escaped)
    .join('|')})(?![\\p{L}-])`,
  'gu',
);

/** "a delegação de Brasil" → "a delegação do Brasil"; other text unchanged. */
export function withCountryArticles(text: string): string {
  return text.replace(PATTERN, (_, d: string, name: string) => `${d}${ARTICLE[name]!.slice(1)} ${name}`);
}
