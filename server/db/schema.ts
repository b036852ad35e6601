import type { ColumnType } from 'kysely';
import type {
  AccountLinkKind,
  Aggregation,
  AuditAction,
  AuditEntityType,
  Baseline,
  ConsortiumStatus,
  DefinitionVersion,
  Direction,
  Evidence,
  Frequency,
  KpiUnit,
  Locale,
  LocalizedText,
  MilestoneEventType,
  MilestoneStatus,
  MilestoneTemplateItem,
  Partner,
  Phase,
  PlanStatus,
  ReportingPeriod,
  Role,
  SourceType,
  TargetPoint,
  Tolerance,
  TransitionAction,
} from '../../src/domain/contract';
import type { SecurityEventKind } from '../auth/security-events';

/** Timestamps are written as ISO strings and read back as Date (both drivers parse timestamptz). */
type Timestamptz = ColumnType<Date, string, string>;
type TimestamptzNullable = ColumnType<Date | null, string | null, string | null>;
/** JSONB is written as JSON text, which both drivers accept for a jsonb parameter. */
type Json<T> = ColumnType<T, string, string>;

export interface ProgrammesTable {
  id: string;
  name: string;
  funder: string;
  description: string;
  startDate: string;
  endDate: string;
  smallCountThreshold: number;
  slippageToleranceDays: number;
  /** Added by migration 004 with a default, so rows written before it read false. */
  leadsSetTargets: ColumnType<boolean, boolean | undefined, boolean>;
  version: number;
  updatedAt: Timestamptz;
}

export interface ConsortiaTable {
  id: string;
  programmeId: string;
  code: string;
  name: string;
  solution: string;
  description: string;
  territory: string;
  startDate: string;
  endDate: string;
  budgetEur: number;
  status: ConsortiumStatus;
  partners: Json<Partner[]>;
  version: number;
  updatedAt: Timestamptz;
}

export interface MilestonesTable {
  id: string;
  consortiumId: string;
  phase: Phase;
  code: string;
  title: Json<LocalizedText>;
  description: string;
  status: MilestoneStatus;
  baselineDate: string | null;
  forecastDate: string;
  actualDate: string | null;
  progress: number;
  startDate: string;
  evidenceExpected: Json<string[]>;
  requiresKpiValues: boolean;
  version: number;
  updatedAt: Timestamptz;
}

export interface MilestoneEventsTable {
  id: string;
  milestoneId: string;
  type: MilestoneEventType;
  action: TransitionAction | null;
  fromStatus: MilestoneStatus | null;
  toStatus: MilestoneStatus | null;
  previousDate: string | null;
  newDate: string | null;
  comment: string | null;
  actorName: string;
  at: Timestamptz;
}

export interface EvidenceTable {
  id: string;
  milestoneId: string;
  kind: Evidence['kind'];
  name: string;
  url: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  covers: string | null;
  uploadedBy: string;
  uploadedAt: Timestamptz;
}

/** The bytes of an uploaded evidence file (migration 003). */
export interface EvidenceFilesTable {
  evidenceId: string;
  content: Uint8Array;
}

/** One per programme (migration 003). */
export interface MilestoneTemplatesTable {
  programmeId: string;
  items: Json<MilestoneTemplateItem[]>;
  version: number;
  updatedAt: Timestamptz;
}

/** One per consortium that has a plan; no row is no plan (migration 003). */
export interface MilestonePlansTable {
  consortiumId: string;
  /** A plan that is 'none' has no row. */
  status: Exclude<PlanStatus, 'none'>;
  approvedAt: TimestamptzNullable;
  approvedBy: string | null;
  version: number;
  updatedAt: Timestamptz;
}

export interface KpisTable {
  id: string;
  programmeId: string;
  code: string;
  name: Json<LocalizedText>;
  definition: Json<LocalizedText>;
  unit: KpiUnit;
  ratePer: number | null;
  direction: Direction;
  aggregation: Aggregation;
  frequency: Frequency;
  decimals: number;
  sourceType: SourceType;
  reportingLagMonths: number;
  definitionVersions: Json<DefinitionVersion[]>;
  version: number;
  updatedAt: Timestamptz;
}

export interface ConsortiumKpisTable {
  id: string;
  consortiumId: string;
  kpiId: string;
  baseline: ColumnType<Baseline | null, string | null, string | null>;
  targets: Json<TargetPoint[]>;
  tolerance: Json<Tolerance>;
  version: number;
  updatedAt: Timestamptz;
}

/** Every revision is a row; the current value of a cell is its highest revision. */
export interface KpiValuesTable {
  id: string;
  consortiumId: string;
  kpiId: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  provisional: boolean;
  source: string;
  note: string;
  explanation: string;
  definitionVersion: number;
  revision: number;
  enteredBy: string;
  enteredAt: Timestamptz;
  version: number;
}

export interface ReportingPeriodsTable {
  id: string;
  programmeId: string;
  period: string;
  status: ReportingPeriod['status'];
  deadline: string;
  openedAt: Timestamptz;
  lockedAt: TimestamptzNullable;
  reopenedAt: TimestamptzNullable;
  reopenReason: string | null;
  commentary: string;
  version: number;
}

/** The report PDF archived at each lock (migration 008, decision 012). */
export interface ReportArchivesTable {
  id: string;
  periodId: string;
  version: number;
  status: 'pending' | 'ready' | 'failed';
  language: 'fr' | 'en';
  bytes: ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
  sha256: ColumnType<string | null, string | null | undefined, string | null>;
  requestedAt: Timestamptz;
  generatedAt: ColumnType<Date | null, string | null | undefined, string | null>;
  attempts: ColumnType<number, number | undefined, number>;
  error: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  disabled: boolean;
  version: number;
  /** Argon2id PHC string; null until the person sets a password. */
  passwordHash: string | null;
  lastSignInAt: TimestamptzNullable;
}

export interface MembershipsTable {
  userId: string;
  position: number;
  role: Role;
  programmeId: string;
  consortiumId: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface SessionsTable {
  tokenSha256: string;
  userId: string;
  createdAt: Timestamptz;
  lastSeenAt: Timestamptz;
  expiresAt: Timestamptz;
  userAgent: string;
}

export interface AccountTokensTable {
  tokenSha256: string;
  id: string;
  kind: AccountLinkKind;
  email: string;
  role: Role | null;
  programmeId: string;
  consortiumId: string | null;
  userId: string | null;
  createdBy: string;
  createdAt: Timestamptz;
  expiresAt: Timestamptz;
  usedAt: TimestamptzNullable;
}

export interface LoginFailuresTable {
  accountKey: string;
  ip: string;
  at: Timestamptz;
}

/** bigserial ids come back as strings from both drivers (int8). */
export interface AuditLogTable {
  id: ColumnType<string, never, never>;
  at: Timestamptz;
  actorId: string | null;
  actorName: string;
  role: string | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  programmeId: string | null;
  consortiumId: string | null;
  before: ColumnType<Record<string, unknown> | null, string | null, never>;
  after: ColumnType<Record<string, unknown> | null, string | null, never>;
  requestId: string;
}

export interface SecurityEventsTable {
  id: ColumnType<string, never, never>;
  at: Timestamptz;
  kind: SecurityEventKind;
  userId: string | null;
  emailSha256: string | null;
  ip: string;
  route: string;
  status: number;
  requestId: string;
}

/** Durable jobs (migration 006, decision 011); status is derived, see server/jobs/status.ts. */
export interface JobsTable {
  id: string;
  kind: string;
  key: string;
  payload: Json<Record<string, unknown>>;
  runAt: Timestamptz;
  attempts: ColumnType<number, number | undefined, number>;
  maxAttempts: number;
  lastError: ColumnType<string | null, string | null | undefined, string | null>;
  lockedBy: ColumnType<string | null, string | null | undefined, string | null>;
  lockedUntil: ColumnType<Date | null, string | null | undefined, string | null>;
  doneAt: ColumnType<Date | null, string | null | undefined, string | null>;
  failedAt: ColumnType<Date | null, string | null | undefined, string | null>;
  createdAt: Timestamptz;
}

export interface DB {
  programmes: ProgrammesTable;
  consortia: ConsortiaTable;
  milestones: MilestonesTable;
  milestoneEvents: MilestoneEventsTable;
  evidence: EvidenceTable;
  evidenceFiles: EvidenceFilesTable;
  milestoneTemplates: MilestoneTemplatesTable;
  milestonePlans: MilestonePlansTable;
  kpis: KpisTable;
  consortiumKpis: ConsortiumKpisTable;
  kpiValues: KpiValuesTable;
  reportingPeriods: ReportingPeriodsTable;
  reportArchives: ReportArchivesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  settings: SettingsTable;
  sessions: SessionsTable;
  accountTokens: AccountTokensTable;
  loginFailures: LoginFailuresTable;
  auditLog: AuditLogTable;
  securityEvents: SecurityEventsTable;
  jobs: JobsTable;
}

/** Tables in foreign-key order: inserts and dumps go forwards, truncation is CASCADE. */
export const TABLES = [
  'programmes',
  'consortia',
  'milestones',
  'milestone_events',
  'evidence',
  'evidence_files',
  'milestone_templates',
  'milestone_plans',
  'kpis',
  'consortium_kpis',
  'kpi_values',
  'reporting_periods',
  'report_archives',
  'users',
  'memberships',
  'settings',
  'sessions',
  'account_tokens',
  'login_failures',
  'audit_log',
  'security_events',
  'jobs',
] as const;
export type TableName = (typeof TABLES)[number];
