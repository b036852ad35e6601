import { auditPropertySuite } from './audit-property.suite';

// `npm run test:postgres`: the same suite against a real PostgreSQL (DATABASE_URL).
auditPropertySuite('postgres');
