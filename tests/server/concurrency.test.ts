import { createTestServer } from '@server/testing';
import { defineConcurrentIncrements } from './concurrency';

defineConcurrentIncrements(() => createTestServer({ database: 'pglite' }), 5, 5);
