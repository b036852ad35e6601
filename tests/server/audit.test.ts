import { createTestServer } from '@server/node/testing';
import { defineAuditSuite } from './audit';

defineAuditSuite(() => createTestServer({ database: 'pglite' }));
