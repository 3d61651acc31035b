import type { AssignmentInput, SessionInput } from '../agenda/index.js';

type Role = AssignmentInput['role'];
type Status = NonNullable<AssignmentInput['status']>;

export interface DemoSession {
  key: string;
  session: Omit<SessionInput, 'roomId'> & { room?: number };
  people: [string, Role, Status?][];
}

const t = (es: string, pt: string, en: string) => ({ es, pt, en });

/**
 * Two days on the themes of the Montevideo Commitment. There is one deliberate clash:
 * FLACSO's researcher speaks in the human-rights panel and chairs the remittances workshop
 * at the same time, so the checks have something to show.
 */
export const CUENCA_PROGRAMME: DemoSession[] = [
  {
    key: 'opening',
    session: {
      type: 'opening',
      title: t('Sesión inaugural', 'Sessão de abertura', 'Opening session'),
      room: 0,
      date: '2008-04-10',
      start: '09:00',
      end: '10:00',
      expectedAttendance: 350,
      interpretation: ['es', 'pt', 'en'],
    },
    people: [
      ['min-ec', 'chair'],
      ['segib', 'speaker'],
      ['cepal', 'speaker'],
      ['alc-cuenca', 'speaker'],
      ['ad-gov', 'speaker'],
    ],
  },
  {
    key: 'break-1',
    session: {
      type: 'break',
      title: t('Pausa café', 'Pausa para café', 'Coffee break'),
      date: '2008-04-10',
      start: '10:00',
      end: '10:30',
    },
    people: [],
  },
  {
    key: 'plenary-1',
    session: {
      type: 'plenary',
      title: t(
        'Migración internacional y desarrollo: el Compromiso de Montevideo',
        'Migração internacional e desenvolvimento: o Compromisso de Montevidéu',
        'International migration and development: the Montevideo Commitment',
      ),
      theme: 'Compromiso de Montevideo',
      room: 0,
      date: '2008-04-10',
      start: '10:30',
      end: '12:30',
      expectedAttendance: 300,
      interpretation: ['es', 'pt', 'en'],
    },
    people: [
      ['segib', 'chair'],
      ['celade', 'speaker'],
      ['oim', 'speaker'],
      ['itam-br', 'speaker'],
      ['ucm', 'commentator'],
      ['uba', 'commentator'],
      ['relatora', 'rapporteur'],
    ],
  },
  {
    key: 'lunch-1',
    session: {
      type: 'break',
      title: t('Almuerzo', 'Almoço', 'Lunch'),
      date: '2008-04-10',
      start: '12:30',
      end: '14:00',
    },
    people: [],
  },
  {
    key: 'panel-rights',
    session: {
      type: 'panel',
      title: t(
        'Derechos humanos de las personas migrantes',
        'Direitos humanos das pessoas migrantes',
        'Human rights of migrants',
      ),
      theme: 'Derechos humanos',
      room: 0,
      date: '2008-04-10',
      start: '14:00',
      end: '16:00',
      expectedAttendance: 250,
      interpretation: ['es', 'pt'],
    },
    people: [
      ['vm-pe', 'chair'],
      ['acnur', 'speaker'],
      ['flacso', 'speaker'],
      ['scalabrini', 'speaker'],
      ['sre-mx', 'commentator'],
      ['sjm', 'commentator', 'invited'],
    ],
  },
  {
    key: 'workshop-remittances',
    session: {
      type: 'workshop',
      title: t(
        'Remesas e inclusión financiera',
        'Remessas e inclusão financeira',
        'Remittances and financial inclusion',
      ),
      theme: 'Remesas',
      room: 1,
      date: '2008-04-10',
      start: '14:30',
      end: '16:00',
      expectedAttendance: 80,
    },
    people: [
      ['flacso', 'chair'],
      ['bid', 'speaker'],
      ['coop-ec', 'speaker'],
      ['banco-es', 'speaker', 'invited'],
    ],
  },
  {
    key: 'break-2',
    session: {
      type: 'break',
      title: t('Pausa café', 'Pausa para café', 'Coffee break'),
      date: '2008-04-10',
      start: '16:00',
      end: '16:30',
    },
    people: [],
  },
  {
    key: 'panel-integration',
    session: {
      type: 'panel',
      title: t(
        'Integración de las personas migrantes en las sociedades de destino',
        'Integração das pessoas migrantes nas sociedades de destino',
        'Integration of migrants in host societies',
      ),
      theme: 'Integración',
      room: 0,
      date: '2008-04-10',
      start: '16:30',
      end: '18:00',
      expectedAttendance: 200,
      interpretation: ['es', 'pt'],
    },
    people: [
      ['mtin-es', 'moderator'],
      ['acidi-pt', 'speaker'],
      ['dna-ar', 'speaker'],
      ['pt-camara', 'speaker'],
      ['uchile', 'commentator'],
      ['mre-uy', 'commentator'],
    ],
  },
  {
    key: 'panel-gender',
    session: {
      type: 'panel',
      title: t('Género y migración', 'Gênero e migração', 'Gender and migration'),
      theme: 'Género',
      room: 0,
      date: '2008-04-11',
      start: '09:00',
      end: '11:00',
      expectedAttendance: 220,
      interpretation: ['es', 'pt', 'en'],
    },
    people: [
      ['unfpa', 'chair'],
      ['oit', 'speaker'],
      ['redmujeres', 'speaker'],
      ['usp', 'speaker'],
      ['cefemina', 'commentator'],
      ['mre-do', 'commentator', 'invited'],
    ],
  },
  {
    key: 'workshop-statistics',
    session: {
      type: 'workshop',
      title: t(
        'Estadísticas y sistemas de información sobre migración',
        'Estatísticas e sistemas de informação sobre migração',
        'Migration statistics and information systems',
      ),
      room: 2,
      date: '2008-04-11',
      start: '09:00',
      end: '10:30',
      expectedAttendance: 50,
    },
    people: [
      ['celade2', 'chair'],
      ['colef', 'speaker'],
      ['dgm-co', 'speaker'],
      ['mre-bo', 'commentator', 'proposed'],
    ],
  },
  {
    key: 'break-3',
    session: {
      type: 'break',
      title: t('Pausa café', 'Pausa para café', 'Coffee break'),
      date: '2008-04-11',
      start: '11:00',
      end: '11:30',
    },
    people: [],
  },
  {
    key: 'panel-remittances',
    session: {
      type: 'panel',
      title: t(
        'Remesas y desarrollo local',
        'Remessas e desenvolvimento local',
        'Remittances and local development',
      ),
      theme: 'Remesas',
      room: 0,
      date: '2008-04-11',
      start: '11:30',
      end: '13:00',
      expectedAttendance: 200,
      interpretation: ['es', 'pt'],
    },
    people: [
      ['mre-sv', 'chair'],
      ['remesas-mx', 'speaker'],
      ['senami-ec', 'speaker'],
      ['ucuenca', 'speaker'],
      ['bid', 'commentator'],
    ],
  },
  {
    key: 'lunch-2',
    session: {
      type: 'break',
      title: t('Almuerzo', 'Almoço', 'Lunch'),
      date: '2008-04-11',
      start: '13:00',
      end: '14:30',
    },
    people: [],
  },
  {
    key: 'side-civil-society',
    session: {
      type: 'side_event',
      title: t(
        'Diálogo con la sociedad civil',
        'Diálogo com a sociedade civil',
        'Dialogue with civil society',
      ),
      room: 3,
      date: '2008-04-11',
      start: '14:30',
      end: '16:00',
      expectedAttendance: 40,
    },
    people: [
      ['sjm', 'moderator'],
      ['scalabrini', 'speaker'],
      ['redmujeres', 'speaker'],
      ['prensa', 'commentator', 'invited'],
    ],
  },
  {
    key: 'closing',
    session: {
      type: 'closing',
      title: t('Conclusiones y clausura', 'Conclusões e encerramento', 'Conclusions and closing'),
      room: 0,
      date: '2008-04-11',
      start: '16:30',
      end: '17:30',
      expectedAttendance: 300,
      interpretation: ['es', 'pt', 'en'],
    },
    people: [
      ['min-ec', 'chair'],
      ['relatora', 'rapporteur'],
      ['segib', 'speaker'],
      ['cepal', 'speaker'],
    ],
  },
];
