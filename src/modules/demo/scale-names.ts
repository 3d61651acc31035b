import { FAMILY, GIVEN } from './large-programme.js';

/**
 * Names for a trial event of any size. Real names thin out as a list grows: a meeting of
 * 100,000 has a few people called "Begoña Quispe", not one in a hundred. So the names are drawn
 * from 60 given and 120 family names (with accents, apostrophes and letters from beyond Spanish
 * and Portuguese), each spread evenly over the people, as a list in order of registration holds them.
 */
const SCALE_GIVEN = [
  ...GIVEN,
  ...['Ana', 'Luis', 'Carmen', 'José', 'Fernanda', 'Tomás', 'Inês', 'Andrés', 'Rocío', 'Gonçalo'],
  ...['Mónica', 'Joaquín', 'Patrícia', 'Raúl', 'Ximena', 'Álvaro', 'Beatriz', 'Nicolás', 'Adriana', 'Julián'],
  ...['Valentina', 'Óscar', 'Renata', 'Martín', 'Graça', 'Agustín', 'Itzel', 'Rubén', 'Teresa', 'Efraín'],
  ...['Marisol', 'Germán', 'Leonor', 'Dário', 'Paola', 'Íñigo', 'Yolanda', 'Cristóbal', 'Ángela', 'Simão'],
  ...['Aïcha', 'Søren', 'Zoë', 'Jürgen', 'Małgorzata', 'Chidi', 'Ayşe', 'Hiroshi', 'Priya', 'Oluwaseun'],
];

const SCALE_FAMILY = [
  ...FAMILY,
  ...[
    'García',
    'Rodríguez',
    'Fernández',
    'López',
    'Martínez',
    'González',
    'Pérez',
    'Gómez',
    'Díaz',
    'Hernández',
  ],
  ...['Álvarez', 'Jiménez', 'Ruiz', 'Moreno', 'Romero', 'Torres', 'Ramírez', 'Flores', 'Castillo', 'Vargas'],
  ...[
    'Rojas',
    'Mendoza',
    'Guzmán',
    'Ortiz',
    'Cárdenas',
    'Chávez',
    'Salazar',
    'Espinoza',
    'Mamani',
    'Condori',
  ],
  ...[
    'Huamán',
    'Yupanqui',
    'Cáceres',
    'Zúñiga',
    'Villalobos',
    'Echeverría',
    'Aguirre',
    'Urrutia',
    'Goñi',
    'Ibarra',
  ],
  ...['Ríos', 'Medina', 'Vázquez', 'Domínguez', 'Suárez', 'Benítez', 'Acuña', 'Sosa', 'Ferreira', 'Silva'],
  ...[
    'Santos',
    'Oliveira',
    'Souza',
    'Pereira',
    'Costa',
    'Rodrigues',
    'Almeida',
    'Carvalho',
    'Lopes',
    'Ribeiro',
  ],
  ...[
    'Martins',
    'Magalhães',
    'Lourenço',
    'Gusmão',
    'Simões',
    'Guimarães',
    'Falcão',
    'Leitão',
    'Mendonça',
    'Teixeira',
  ],
  ...[
    'Moura',
    'Barbosa',
    'Nóbrega',
    'Brito',
    'Quiñones',
    'Montaño',
    'Báez',
    'Samaniego',
    'Villacís',
    'Andrade',
  ],
  ...[
    'Cevallos',
    'Paredes',
    'Naranjo',
    'Bustamante',
    'Calderón',
    'Solís',
    'Arévalo',
    'Bermúdez',
    'Córdova',
    'León',
  ],
  ...['Ocaña', 'Pacheco', 'Saldaña', 'Ugarte', 'Valdés', 'Müller', 'Nkosi', 'Öztürk', 'Kowalski', "O'Brien"],
  ...['Nakamura', 'Okafor', 'Haddad', 'Lindqvist', 'Dubois', 'Tapia', 'Yáñez', 'Zavala', 'Marín', 'Galán'],
];

/**
 * Spreads consecutive numbers evenly over a list's length (Fibonacci hashing: the high bits of a
 * multiplication by an odd constant), so each block of people holds a fair mix of names.
 */
const spread = (i: number, multiplier: number, length: number) =>
  Math.floor(((Math.imul(i, multiplier) >>> 0) / 2 ** 32) * length);

/**
 * The name of the i-th person of a trial event, unique through its number: "Begoña Quispe
 * Brandão 367" (given, first and second family name).
 */
export function scaleNameOf(i: number): { givenName: string; familyName: string } {
  const first = SCALE_FAMILY[spread(i, 0x9e3779b1, SCALE_FAMILY.length)]!;
  const second = SCALE_FAMILY[spread(i, 0x85ebca6b, SCALE_FAMILY.length)]!;
  return { givenName: SCALE_GIVEN[i % SCALE_GIVEN.length]!, familyName: `${first} ${second} ${i}` };
}
