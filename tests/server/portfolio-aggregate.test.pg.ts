import { portfolioAggregateSuite } from './portfolio-aggregate.suite';

// `npm run test:postgres`: the same property against a real PostgreSQL (DATABASE_URL).
portfolioAggregateSuite('postgres');
