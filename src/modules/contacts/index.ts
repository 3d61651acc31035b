export { contactRoutes } from './contact.routes.js';
export { getContact, listContacts, contactsOfCountries, type ContactView } from './contact.service.js';
export { NationalContact } from './contact.model.js';
