import { createTestServer } from '@server/testing';
import { defineContractScenarios } from './scenarios';

/** The contract scenarios against the real server on an in-memory PGlite. */
defineContractScenarios(() => createTestServer({ database: 'pglite' }));
