import { sql, type Kysely, type Migration } from 'kysely';

/*
 * A lead may withdraw a submission (to change what is under review). The action list of
 * milestone_events is the contract's TransitionAction enum; 001 named the constraint by default.
 */
const statements: string[] = [
  `ALTER TABLE milestone_events DROP CONSTRAINT milestone_events_action_check`,
  `ALTER TABLE milestone_events ADD CONSTRAINT milestone_events_action_check
    CHECK (action IN ('start', 'submit', 'approve', 'request_changes', 'resume', 'withdraw',
      'waive', 'reopen'))`,
];

export const milestoneWithdraw: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};
