/**
 * Demo data: the Cuenca Forum of 2008 as it happened (archived), and a practice copy of it in
 * the coming months (published, marked as demo data), each with rooms, the 22 member states, the
 * programme, delegations, registrations and a waiting list; national contacts, and a demo admin
 * and organizer, whose logins it prints. The practice copy also has an outcome document under
 * negotiation, a published list of speakers, a call for side events with proposals, bilateral
 * slots and meetings, and one delegation's credentials. Safe to run again: nothing is created twice.
 *
 *   npm run seed:demo                        # prints passwords of accounts it creates
 *   npm run seed:demo -- --reset-passwords   # gives the demo accounts new passwords
 */
import { parseArgs } from 'node:util';
import { seedDemo } from '../src/modules/demo/index.js';
import { mailSettingsOf } from '../src/modules/invitations/index.js';
import { countryName } from '../src/shared/countries.js';
import { runScript } from './support.js';

const { values } = parseArgs({ options: { 'reset-passwords': { type: 'boolean', default: false } } });

await runScript('seed:demo', async ({ config, clock, actor }) => {
  const report = await seedDemo(actor, clock, {
    resetPasswords: values['reset-passwords'],
    mail: mailSettingsOf(config),
  });
  console.log(
    `Event ${report.history.slug} (the forum of 2008): ${report.history.created ? 'created, held and archived' : 'already there'}`,
  );
  console.log(
    `Event ${report.event.slug} (a practice copy in the coming months, demo data): ${report.event.created ? 'created and published' : 'already there'}`,
  );
  console.log(`  public page: ${config.publicUrl}/events/${report.event.slug}`);
  const programme = report.programme;
  console.log(
    programme.created
      ? `Programme: ${programme.sessions} sessions, ${programme.people} people, ${programme.warnings} warnings to look at, published as version ${programme.version}`
      : `Programme: already there (${programme.people} demo people)`,
  );
  console.log(`  ${config.publicUrl}/events/${report.event.slug}/programme`);
  const r = report.registrations;
  console.log(
    `Registrations: ${r.contacts} national contacts, ${r.delegations} delegations, ${r.registrations} registrations and ${r.checkIns} check-ins added`,
  );
  console.log(`Official documents: ${report.documents} added`);
  console.log(`  ${config.publicUrl}/events/${report.event.slug}/documents`);
  if (report.outcome.created)
    console.log(
      `Outcome document: a zero draft of ${report.outcome.paragraphs} items, a round open with ${report.outcome.proposals} proposals`,
    );
  const { speakers, sideEvents, bilaterals, credentials, seating } = report.meeting;
  if (speakers.created)
    console.log(`List of speakers: the opening session's, published, with ${speakers.inscribed} speakers`);
  if (sideEvents.created)
    console.log(
      `Side events: the call open, ${sideEvents.slots} slots, ${sideEvents.proposals} proposals (one accepted, one on the waiting list)`,
    );
  if (bilaterals.created)
    console.log(
      `Bilateral meetings: ${bilaterals.slots} slots, ${bilaterals.accepted} accepted and ${bilaterals.requested} awaiting an answer`,
    );
  if (credentials > 0)
    console.log(`Credentials: recorded for ${credentials} delegation (Ecuador), the others pending`);
  if (seating)
    console.log(
      `Seating: the plenary hall's plan, ${countryName(seating, 'en')} drawn to sit first (not frozen)`,
    );
  console.log(`Sign in at ${config.publicUrl}/login`);
  for (const login of report.logins) {
    const password = login.password ?? '(unchanged; run with --reset-passwords for a new one)';
    console.log(`  ${login.role.padEnd(9)} ${login.email}  ${password}`);
  }
});
