import { createTestServer } from '@server/testing';
import { defineMilestoneConflict } from './milestone-concurrency';

defineMilestoneConflict(() => createTestServer({ database: 'pglite' }));
