import express, { type Express, Router } from 'express';
import type { Config } from './config/index.js';
import type { Database } from './db/index.js';
import { adminRoutes, authenticateRequest, loginRoutes, registerUsersApi } from './modules/auth/index.js';
import {
  eventAdminRoutes,
  eventPublicRoutes,
  registerEventsApi,
  eventsWorkspace,
  type EventView,
} from './modules/events/index.js';
import { routeAccess } from './modules/events/index.js';
import {
  agendaWorkspace,
  builderRoutes,
  peopleInRole,
  registerAgendaApi,
  sessionRoutes,
  type AgendaHooks,
} from './modules/agenda/index.js';
import { calendarRoutes, rolesWithFeeds, type FileCache } from './modules/calendar/index.js';
import { contactRoutes } from './modules/contacts/index.js';
import {
  cachedFile,
  checkInRoutes,
  documentsWorkspace,
  downloadRoutes,
  hasAttended,
  letterRoutes,
  participantDocumentRoutes,
  prepareProgrammePdfs,
  programmeDocumentRoutes,
  type PdfRenderer,
} from './modules/documents/index.js';
import { healthRoutes } from './modules/health/index.js';
import {
  documentAdminRoutes,
  documentPublicRoutes,
  officialDocumentsWorkspace,
  registerDocumentsApi,
  sessionDocuments,
  submissionRoutes,
} from './modules/official-documents/index.js';
import {
  invitationResponseRoutes,
  invitationRoutes,
  invitationsWorkspace,
  mailSettingsOf,
  type MailDeps,
  registerInvitationsApi,
  templateRoutes,
} from './modules/invitations/index.js';
import { messagingWorkspace, outboxRoutes } from './modules/messaging/index.js';
import {
  outcomeAdminRoutes,
  outcomeFocalRoutes,
  outcomeWorkspace,
  registerOutcomeApi,
} from './modules/outcome/index.js';
import { announcementRoutes, noticesWorkspace, sendChangeNotices } from './modules/notices/index.js';
import {
  programmeAdminRoutes,
  programmePublicRoutes,
  programmeWorkspace,
  registerProgrammeApi,
  type OnPublished,
} from './modules/published-programme/index.js';
import { personRoutes, registerPeopleApi } from './modules/people/index.js';
import {
  credentialsRoutes,
  credentialsFocalRoutes,
  credentialStatuses,
  floorRoutes,
  plenaryWorkspace,
  plenaryInscriptions,
  registerPlenaryApi,
  seatingRoutes,
  speakersAdminRoutes,
  speakersFocalRoutes,
  speakersPublicRoutes,
  speakerPlaces,
  publishedListSessions,
} from './modules/plenary/index.js';
import {
  coverageRoutes,
  delegationRoutes,
  registerRegistrationsApi,
  documentSeats,
  attendanceOf,
  registerProgrammeParticipant,
  registrationAdminRoutes,
  registrationPublicRoutes,
  registrationsWorkspace,
  registrationWindowOf,
  peopleEvents,
  refreshListings,
  settleWorkshop,
} from './modules/registrations/index.js';
import {
  bilateralAdminRoutes,
  registerBilateralsApi,
  delegationBilateralRows,
  reservedBlocks,
  bilateralFocalRoutes,
  bilateralsWorkspace,
} from './modules/bilaterals/index.js';
import {
  sideEventPublicRoutes,
  registerSideEventsApi,
  sideEventReviewRoutes,
  sideEventsWorkspace,
} from './modules/side-events/index.js';
import { eventNavigation, Workspace, workspaceRoutes } from './modules/workspace/index.js';
import type { Clock } from './shared/clock.js';
import { createTranslator } from './shared/i18n/index.js';
import type { Logger } from './shared/logger.js';
import { assetsDir } from './paths.js';
import { ApiRegistry } from './web/api-registry.js';
import { apiDocsRoutes } from './web/api-docs.routes.js';
import { bodyParsers } from './web/body.js';
import { errorHandler, notFound } from './web/errors.js';
import { flashMessages } from './web/flash.js';
import { languageMiddleware } from './web/language.js';
import { viewHelpers } from './web/view-helpers.js';
import { generalRateLimit, PRIVATE_LINK_PATHS, privateLinkPages } from './web/rate-limit.js';
import { requestLogging } from './web/request-logging.js';
import './web/request-types.js';
import { csrfProtection, securityHeaders, sessions, stripCsrfField } from './web/security.js';
import { useViews } from './web/views.js';

export interface AppDependencies {
  config: Config;
  logger: Logger;
  clock: Clock;
  database: Database;
  /** Draws PDFs in worker threads (started and closed by the server). */
  renderer: PdfRenderer;
}

/** The feature modules' routers, in mounting order. */
function moduleRouters({ config, clock, logger, renderer }: AppDependencies): Router[] {
  const api = new ApiRegistry();
  // Mail settings are built once here and handed to every module that sends mail.
  const mail: MailDeps = { clock, settings: mailSettingsOf(config) };
  const seats = documentSeats(clock);
  const registrations = { ...mail, seats, delegationBilaterals: delegationBilateralRows };
  const onConfirmed = (event: EventView, personId: string) =>
    registerProgrammeParticipant(event, personId, registrations);
  const agendaHooks: AgendaHooks = {
    onConfirmed,
    onCapacityChanged: (event, sessionId) => settleWorkshop(event, sessionId, registrations),
  };
  const documents = { renderer, clock, sessionDocuments, speakerPlaces };
  const officialDocuments = { ...mail, maxBytes: config.officialDocuments.maxBytes };
  const fileCache: FileCache = (key, draw) => cachedFile(key, draw, clock);
  const onPublished: OnPublished = async (event, version) => {
    // The PDFs of the new version are drawn in the background; the publisher does not wait for them.
    void prepareProgrammePdfs(documents, event, version, logger);
    return sendChangeNotices(event, version, mail);
  };
  registerUsersApi(api, config, clock);
  registerEventsApi(api, clock);
  const people = { peopleInRole, events: peopleEvents, onChanged: refreshListings };
  registerPeopleApi(api, clock, people);
  registerAgendaApi(api, clock, agendaHooks);
  registerProgrammeApi(api, clock, onPublished);
  registerInvitationsApi(api, config, clock);
  registerRegistrationsApi(api);
  registerPlenaryApi(api);
  const outcome = { ...mail, renderer, maxBytes: config.officialDocuments.maxBytes };
  const plenary = { ...mail, renderer, documentMaxBytes: config.officialDocuments.maxBytes };
  registerDocumentsApi(api, clock, officialDocuments.maxBytes);
  registerSideEventsApi(api);
  registerBilateralsApi(api);
  registerOutcomeApi(api, clock);
  // Each module's pages in the event menu and its panel on the overview, in the menu's order.
  const workspace = new Workspace([
    agendaWorkspace,
    sideEventsWorkspace,
    programmeWorkspace,
    officialDocumentsWorkspace,
    plenaryWorkspace,
    outcomeWorkspace,
    invitationsWorkspace(clock),
    noticesWorkspace,
    ...registrationsWorkspace(registrations),
    documentsWorkspace(clock),
    bilateralsWorkspace,
    messagingWorkspace,
    eventsWorkspace,
  ]);
  const navigation = Router()
    .use('/admin/events/:eventId', eventNavigation(workspace))
    .use(
      '/admin/outbox',
      eventNavigation(workspace, (req) => req.query['event']),
    );
  return [
    loginRoutes(config, clock),
    navigation,
    adminRoutes(config, clock),
    eventAdminRoutes(clock, config.mail),
    workspaceRoutes(workspace),
    personRoutes(clock, { ...people, rolesOf: rolesWithFeeds(config) }),
    builderRoutes(clock),
    sessionRoutes(clock, agendaHooks),
    programmeAdminRoutes(clock, onPublished),
    programmePublicRoutes(sessionDocuments, {
      reservedRooms: reservedBlocks,
      speakersLists: publishedListSessions,
    }),
    calendarRoutes(config, attendanceOf, fileCache),
    programmeDocumentRoutes(config, documents, attendanceOf),
    participantDocumentRoutes(documents, clock),
    downloadRoutes(registrations),
    checkInRoutes(clock),
    letterRoutes(config, documents, clock),
    outboxRoutes(config, clock),
    contactRoutes(clock),
    documentAdminRoutes(officialDocuments),
    submissionRoutes(officialDocuments),
    outcomeAdminRoutes(outcome),
    outcomeFocalRoutes(outcome),
    documentPublicRoutes(clock, { render: (job) => renderer.render(job), cache: fileCache }),
    invitationRoutes(mail),
    templateRoutes(config, clock),
    announcementRoutes(mail),
    registrationAdminRoutes(registrations),
    registrationPublicRoutes(config, registrations, { hasAttended, speakerPlaces }),
    delegationRoutes(registrations),
    sideEventReviewRoutes(mail),
    sideEventPublicRoutes(config, mail),
    bilateralAdminRoutes(mail, renderer, plenaryInscriptions),
    bilateralFocalRoutes(mail, plenaryInscriptions),
    coverageRoutes(clock, credentialStatuses),
    credentialsRoutes(plenary),
    credentialsFocalRoutes(plenary),
    seatingRoutes(plenary),
    speakersAdminRoutes(plenary),
    speakersFocalRoutes(plenary),
    speakersPublicRoutes(plenary),
    floorRoutes(plenary),
    invitationResponseRoutes(config, clock, onConfirmed),
    eventPublicRoutes((event) => registrationWindowOf(event, clock)),
    api.router(),
    apiDocsRoutes(api, config.publicUrl),
  ];
}

/**
 * Builds the Express app from its dependencies; never listens or connects.
 * `extraRouters` are mounted after the modules' own (tests use it to probe the pipeline).
 */
export function createApp(deps: AppDependencies, extraRouters: Router[] = []): Express {
  const { config, logger, database } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  useViews(app, { cache: config.env === 'production' });

  app.use(requestLogging(logger));
  app.use(securityHeaders(config));
  app.use('/assets', express.static(assetsDir, { maxAge: '1h', index: false }));
  app.use(healthRoutes(database));

  app.use(languageMiddleware(createTranslator(), config.session.secureCookie), viewHelpers);
  app.use(generalRateLimit(config, deps.clock));
  app.use(bodyParsers());
  app.use(sessions(config, database.connection));
  app.use(csrfProtection, stripCsrfField, flashMessages);
  app.use(authenticateRequest(deps.clock));
  app.use(routeAccess());

  app.use(PRIVATE_LINK_PATHS, ...privateLinkPages(config, deps.clock));
  for (const router of [...moduleRouters(deps), ...extraRouters]) app.use(router);

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
