import { createTestServer } from '@server/node/testing';
import { defineConcurrentIncrements } from './concurrency';

defineConcurrentIncrements(() => createTestServer({ database: 'pglite' }), 5, 5);
