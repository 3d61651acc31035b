export {
  createPerson,
  feedRevisionOf,
  findOrCreatePerson,
  findOrCreatePersonByEmail,
  getPeople,
  getPerson,
  resetCalendarFeeds,
  searchFieldsOf,
  searchPeople,
  updatePerson,
} from './person.service.js';
export { directoryPage, nameSearchOf } from './directory.js';
export { keyOlderPeopleByName, numberOlderPeople } from './numbering.js';
export {
  atMost,
  forgetNamePairsKeyed,
  markNamePairsKeyed,
  namePairsKeyed,
  NAME_PAIRS,
  rekeyPeople,
  rekeyRecords,
} from './name-pairs.js';
export { displayName, withoutContactDetails, type PersonView } from './person.views.js';
export { Person, SECTORS, GENDERS, type Sector, type Gender } from './person.model.js';
export type { PersonInput } from './person.schemas.js';
export { personRoutes } from './person.routes.js';
export { personInput } from './person.schemas.js';
export { personFieldName, personFormLocals, personInputFromForm } from './person.form.js';
export { registerPeopleApi } from './people.api.js';
