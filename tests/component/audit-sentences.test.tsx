import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@domain/contract/common';
import { AuditAction, type AuditEntityType, type AuditEntry } from '@domain/contract/reporting';
import { useDescribeEntry, type EntityNames } from '@/features/activity/describe-entry';
import { createI18n } from '@/lib/i18n';

type Shape = Pick<AuditEntry, 'before' | 'after'> & { entityType: AuditEntityType };

/** One entry per action, shaped as the server writes it; a Record so a new action needs one. */
const ENTRIES: Record<AuditAction, Shape> = {
  'programme.update': {
    entityType: 'programme',
    before: { smallCountThreshold: 10 },
    after: { smallCountThreshold: 11 },
  },
  'consortium.update': { entityType: 'consortium', before: { name: 'A' }, after: { name: 'B' } },
  'milestone.update': {
    entityType: 'milestone',
    before: { progress: 40 },
    after: { progress: 60 },
  },
  'milestone.transition': {
    entityType: 'milestone',
    before: { status: 'in_progress' },
    after: { status: 'submitted', action: 'submit' },
  },
  'milestone.comment': { entityType: 'milestone', before: null, after: { comment: 'Vu.' } },
  'milestone.create': {
    entityType: 'milestone',
    before: null,
    after: { code: 'J12', phase: 'build', startDate: '2026-01-01', forecastDate: '2026-03-31' },
  },
  'milestone.delete': {
    entityType: 'milestone',
    before: { code: 'J12', phase: 'build' },
    after: { code: 'J12' },
  },
  'milestonePlan.apply': {
    entityType: 'milestonePlan',
    before: null,
    after: { milestoneCount: 12, templateVersion: 1 },
  },
  'milestonePlan.approve': {
    entityType: 'milestonePlan',
    before: { status: 'draft' },
    after: { status: 'approved', approvedBy: 'Claire Martin' },
  },
  'milestoneTemplate.update': { entityType: 'milestoneTemplate', before: null, after: null },
  'evidence.add': {
    entityType: 'milestone',
    before: null,
    after: { evidenceId: 'e1', evidenceName: 'DPIA.pdf', kind: 'file', sizeBytes: 1024 },
  },
  'evidence.delete': {
    entityType: 'milestone',
    before: { evidenceId: 'e1', evidenceName: 'DPIA.pdf', kind: 'file' },
    after: { evidenceId: 'e1', evidenceName: 'DPIA.pdf' },
  },
  'kpi.create': { entityType: 'kpi', before: null, after: { code: 'VISITES', decimals: 0 } },
  'kpi.update': { entityType: 'kpi', before: { decimals: 0 }, after: { decimals: 1 } },
  'consortiumKpi.update': {
    entityType: 'consortiumKpi',
    before: { ratePer: null },
    after: { kpiId: 'kpi-pps', ratePer: 100 },
  },
  'kpiValue.upsert': {
    entityType: 'kpiValue',
    before: { value: 10 },
    after: { kpiId: 'kpi-pps', period: '2026-03', value: 12 },
  },
  'user.create': { entityType: 'user', before: null, after: { email: 'a@b.fr', role: 'manager' } },
  'user.invite': {
    entityType: 'invitation',
    before: null,
    after: { email: 'a@b.fr', role: 'lead' },
  },
  'user.accept': { entityType: 'user', before: null, after: { email: 'a@b.fr', role: 'lead' } },
  'user.disable': { entityType: 'user', before: { disabled: false }, after: { disabled: true } },
  'user.enable': { entityType: 'user', before: { disabled: true }, after: { disabled: false } },
  'user.passwordReset': { entityType: 'user', before: null, after: null },
  'user.passwordChange': { entityType: 'user', before: null, after: null },
  'period.open': {
    entityType: 'period',
    before: null,
    after: { period: '2026-11', deadline: '2026-12-15' },
  },
  'period.update': {
    entityType: 'period',
    before: { deadline: '2026-12-15' },
    after: { period: '2026-11', deadline: '2026-12-20' },
  },
  'period.lock': {
    entityType: 'period',
    before: { status: 'open', lockedAt: null },
    after: { period: '2026-11', status: 'locked', lockedAt: '2026-12-21T10:00:00.000Z' },
  },
  'period.reopen': {
    entityType: 'period',
    before: { status: 'locked', reopenReason: null },
    after: { period: '2026-11', status: 'open', reopenReason: 'Correction du financeur' },
  },
};

const names: EntityNames = {
  consortium: () => 'Coord@Dom',
  milestone: () => 'J3 – Protection des données',
  kpi: () => ({ name: 'PPS', code: 'PPS', spec: { unit: 'count', decimals: 0, ratePer: null } }),
  user: () => 'Thomas Leroy',
};

function describeIn(locale: Locale) {
  const i18n = createI18n(locale);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
  );
  const { result } = renderHook(() => useDescribeEntry(names), { wrapper });
  return { describe: result.current, t: i18n.getFixedT(locale) };
}

const entry = (action: AuditAction): AuditEntry => ({
  id: '1',
  at: '2026-06-15T10:00:00.000Z',
  actorId: 'u1',
  actorName: 'Claire Martin',
  role: 'manager',
  action,
  entityId: 'x1',
  consortiumId: null,
  requestId: 'r1',
  ...ENTRIES[action],
});

describe('every audit action in words', () => {
  const fr = describeIn('fr');
  const en = describeIn('en');

  for (const [locale, { describe: d, t }] of [
    ['fr', fr],
    ['en', en],
  ] as const) {
    it.each(AuditAction.options)(`says %s in ${locale}`, (action) => {
      const e = entry(action);
      const sentence = d.sentence(e);
      expect(sentence).not.toBe(t('audit.sentence.other', { action }));
      expect(sentence).not.toMatch(/audit\.|\{\{|[{}"]|undefined/);
      const empty = t('audit.empty');
      for (const c of d.changes(e)) {
        const line = `${c.label}: ${c.before ?? ''} → ${c.after}`;
        expect(c.label, line).not.toBe(c.field);
        expect(line).not.toMatch(/audit\.|[{}"[\]]|undefined/);
        expect(line).not.toContain(`${empty} → ${empty}`);
      }
    });
  }

  it.each(AuditAction.options)(
    'has its own sentence and name for %s in both languages',
    (action) => {
      // French is the fallback: without this, a missing English key would quietly show French.
      const key = action.replace('.', '_');
      for (const locale of ['fr', 'en'] as const) {
        const i18n = createI18n(locale);
        expect(i18n.getResource(locale, 'translation', `audit.sentence.${key}`)).toEqual(
          expect.any(String),
        );
        expect(i18n.getResource(locale, 'translation', `audit.actionName.${key}`)).toEqual(
          expect.any(String),
        );
      }
    },
  );
});
