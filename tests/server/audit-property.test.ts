import { auditPropertySuite } from './audit-property.suite';

auditPropertySuite('pglite');
