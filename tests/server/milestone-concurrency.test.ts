import { createTestServer } from '@server/node/testing';
import { defineMilestoneConflict } from './milestone-concurrency';

defineMilestoneConflict(() => createTestServer({ database: 'pglite' }));
