import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@domain/contract/common';
import {
  AuditAction,
  type AuditEntityType,
  type AuditEntry,
  type HiddenCount,
} from '@domain/contract/reporting';
import type { EntityNames } from '@/features/activity/sentence-parts';
import { useDescribeEntry } from '@/features/activity/describe-entry';
import { createI18n } from '@/lib/i18n';

type Shape = Pick<AuditEntry, 'before' | 'after'> & { entityType: AuditEntityType };

const HIDDEN: HiddenCount = { hidden: 'belowThreshold', threshold: 10 };
const TOLERANCE = { red: 10, mode: 'absolute', amber: 5 };

/**
 * Entries shaped as the server writes them, several per action where the action reads in more
 * than one way; a Record, so that a new action needs its own before this file compiles.
 */
const ENTRIES: Record<AuditAction, Shape[]> = {
  'programme.update': [
    {
      entityType: 'programme',
      before: { smallCountThreshold: 10, slippageToleranceDays: 45, leadsSetTargets: false },
      after: { smallCountThreshold: 5, slippageToleranceDays: 60, leadsSetTargets: true },
    },
  ],
  'consortium.update': [
    {
      entityType: 'consortium',
      before: { name: 'Coord@Dom', budgetEur: 500000, description: '' },
      after: { name: 'Coord@Dom+', budgetEur: 550000, description: 'Parcours à domicile' },
    },
  ],
  'milestone.update': [
    { entityType: 'milestone', before: { progress: 40 }, after: { progress: 60 } },
    {
      entityType: 'milestone',
      before: { forecastDate: '2026-12-15' },
      after: { forecastDate: '2027-03-15', reason: 'Migration HDS retardée' },
    },
    {
      entityType: 'milestone',
      before: { forecastDate: '2027-03-15', description: 'Ancienne' },
      after: { forecastDate: '2027-01-15', description: '' },
    },
  ],
  'milestone.transition': [
    {
      entityType: 'milestone',
      before: { status: 'in_progress' },
      after: { status: 'submitted', action: 'submit', comment: null },
    },
    {
      entityType: 'milestone',
      before: { status: 'submitted', actualDate: null, progress: 80 },
      after: {
        status: 'approved',
        actualDate: '2026-03-02',
        progress: 100,
        action: 'approve',
        comment: 'Pièces complètes.',
      },
    },
  ],
  'milestone.comment': [{ entityType: 'milestone', before: null, after: { comment: 'Vu.' } }],
  'milestone.create': [
    {
      entityType: 'milestone',
      before: null,
      after: { code: 'J12', phase: 'build', startDate: '2026-01-01', forecastDate: '2026-03-31' },
    },
  ],
  'milestone.delete': [
    { entityType: 'milestone', before: { code: 'J12', phase: 'build' }, after: null },
  ],
  'milestonePlan.apply': [
    {
      entityType: 'milestonePlan',
      before: null,
      after: { status: 'draft', milestoneCount: 12, templateVersion: 1 },
    },
  ],
  'milestonePlan.approve': [
    {
      entityType: 'milestonePlan',
      before: { status: 'draft' },
      after: { status: 'approved', approvedAt: '2026-01-10', approvedBy: 'Claire Martin' },
    },
  ],
  'milestoneTemplate.update': [{ entityType: 'milestoneTemplate', before: null, after: null }],
  'evidence.add': [
    {
      entityType: 'milestone',
      before: null,
      after: {
        evidenceId: 'e1',
        evidenceName: 'AIPD.pdf',
        kind: 'file',
        covers: 'AIPD signée',
        mediaType: 'application/pdf',
        sizeBytes: 1024,
      },
    },
  ],
  'evidence.delete': [
    {
      entityType: 'milestone',
      before: { evidenceId: 'e1', evidenceName: 'AIPD.pdf', kind: 'link', url: 'https://x.fr' },
      after: null,
    },
  ],
  'kpi.create': [
    {
      entityType: 'kpi',
      before: null,
      after: {
        code: 'VISITES',
        name: { fr: 'Visites', en: 'Visits' },
        unit: 'count',
        ratePer: null,
        direction: 'higher',
        aggregation: 'flow',
        frequency: 'monthly',
        decimals: 0,
        sourceType: 'vendor_log',
        reportingLagMonths: 1,
        validFrom: '2026-01',
      },
    },
  ],
  'kpi.update': [
    {
      entityType: 'kpi',
      before: { decimals: 0, definitionVersion: 1 },
      after: { decimals: 1, definitionVersion: 2, validFrom: '2026-03', changeNote: 'PPS requis' },
    },
  ],
  'consortiumKpi.update': [
    {
      entityType: 'consortiumKpi',
      before: { targets: [{ value: 50, period: '2026-03' }] },
      after: { kpiId: 'kpi-pat-inc', targets: [{ value: 55, period: '2026-03' }] },
    },
    {
      entityType: 'consortiumKpi',
      before: {
        baseline: { value: HIDDEN, period: '2025-01', source: 'Journaux' },
        targets: [
          { value: 50, period: '2026-03' },
          { value: 90, period: '2026-09' },
        ],
        tolerance: { red: 8, mode: 'absolute', amber: 4 },
      },
      after: {
        kpiId: 'kpi-pat-inc',
        baseline: { value: HIDDEN, period: '2025-02', source: 'Registre' },
        targets: [
          { value: 55, period: '2026-03' },
          { value: 80, period: '2026-06' },
        ],
        tolerance: TOLERANCE,
      },
    },
    {
      entityType: 'consortiumKpi',
      before: null,
      after: {
        kpiId: 'kpi-pps',
        baseline: null,
        targets: [{ value: 72, period: '2026-12' }],
        tolerance: { red: 0.2, mode: 'relative', amber: 0.1 },
      },
    },
  ],
  'kpiValue.upsert': [
    {
      entityType: 'kpiValue',
      before: null,
      after: {
        kpiId: 'kpi-pat-inc',
        period: '2026-03',
        value: 100,
        numerator: null,
        denominator: null,
        provisional: true,
        source: 'Journaux',
        note: '',
        explanation: null,
      },
    },
    {
      entityType: 'kpiValue',
      before: { value: 60, numerator: 120, note: '' },
      after: { kpiId: 'kpi-pps', period: '2026-03', value: 62.5, numerator: 125, note: 'Vérifié' },
    },
    {
      entityType: 'kpiValue',
      before: { value: HIDDEN, numerator: HIDDEN, denominator: HIDDEN },
      after: {
        kpiId: 'kpi-pps',
        period: '2026-Q1',
        value: HIDDEN,
        numerator: HIDDEN,
        denominator: HIDDEN,
      },
    },
    {
      entityType: 'kpiValue',
      before: { provisional: true },
      after: { kpiId: 'kpi-pat-inc', period: '2026-03', provisional: false },
    },
  ],
  'user.create': [
    { entityType: 'user', before: null, after: { email: 'a@b.fr', role: 'manager' } },
  ],
  'user.invite': [
    {
      entityType: 'invitation',
      before: null,
      after: { email: 'a@b.fr', role: 'lead', consortiumId: 'c1' },
    },
    { entityType: 'invitation', before: null, after: { role: 'lead', consortiumId: 'c1' } },
  ],
  'user.accept': [
    {
      entityType: 'user',
      before: null,
      after: { email: 'a@b.fr', role: 'lead', consortiumId: 'c1', newAccount: true },
    },
  ],
  'user.disable': [{ entityType: 'user', before: { disabled: false }, after: { disabled: true } }],
  'user.enable': [{ entityType: 'user', before: { disabled: true }, after: { disabled: false } }],
  'user.passwordReset': [
    { entityType: 'user', before: null, after: { expiresAt: '2026-06-16T10:00:00.000Z' } },
  ],
  'user.passwordChange': [{ entityType: 'user', before: null, after: null }],
  'period.open': [
    { entityType: 'period', before: null, after: { period: '2026-11', deadline: '2026-12-15' } },
  ],
  'period.update': [
    {
      entityType: 'period',
      before: { deadline: '2026-12-15', commentary: '' },
      after: { period: '2026-11', deadline: '2026-12-20', commentary: 'Bonne dynamique.' },
    },
  ],
  'period.lock': [
    {
      entityType: 'period',
      before: { status: 'open', lockedAt: null },
      after: { period: '2026-11', status: 'locked', lockedAt: '2026-12-21T10:00:00.000Z' },
    },
  ],
  'period.reopen': [
    {
      entityType: 'period',
      before: { status: 'locked', reopenReason: null },
      after: { period: '2026-11', status: 'open', reopenReason: 'Correction du financeur' },
    },
  ],
  'period.archiveRetry': [
    {
      entityType: 'period',
      before: { archive: 1, archiveStatus: 'failed' },
      after: { period: '2026-11', archive: 1, archiveStatus: 'pending' },
    },
  ],
};

const KPIS = {
  'kpi-pat-inc': { code: 'PAT_INC', unit: 'count', decimals: 0 },
  'kpi-pps': { code: 'PPS', unit: 'percent', decimals: 1 },
} as const;

const names: EntityNames = {
  consortium: () => 'Coord@Dom',
  milestone: () => ({ code: 'J3', title: 'Protection des données' }),
  kpi: (id) => {
    const k = KPIS[id as keyof typeof KPIS];
    return k && { name: k.code, code: k.code, spec: { ...k, ratePer: null } };
  },
  user: () => 'Thomas Leroy',
};

function describeIn(locale: Locale) {
  const i18n = createI18n(locale);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
  );
  return renderHook(() => useDescribeEntry(names), { wrapper }).result.current;
}

const entry = (action: AuditAction, shape: Shape): AuditEntry => ({
  id: '1',
  at: '2026-06-15T10:00:00.000Z',
  actorId: 'u1',
  actorName: 'Claire Martin',
  role: 'manager',
  action,
  entityId: 'x1',
  consortiumId: 'c1',
  requestId: 'r1',
  ...shape,
});

/** What no reader should ever meet: keys, JSON, placeholders, empty values, raw numbers. */
const UNREADABLE = [
  /\b[a-z]+[A-Z]\w*\b/, // camelCase keys: smallCountThreshold, kpiId
  /\b[a-z]\w*\.[a-z]\w*/, // dotted keys: audit.field, milestone.update
  /[{}[\]]/, // JSON
  /\(vide\)|\(empty\)/i,
  /\bundefined\b|\bnull\b|\bNaN\b/,
  /[:;]\s*$|\s{2}|\s:\s*[;)]/, // a label or a placeholder with nothing in it
];

const FR = describeIn('fr');
const EN = describeIn('en');

describe('every audit action in words', () => {
  const cases = AuditAction.options.flatMap((action) =>
    ENTRIES[action].map((shape, i) => [action, i, shape] as const),
  );

  it.each(cases)('says %s (#%i) in French and English', (action, _i, shape) => {
    for (const describeEntry of [FR, EN]) {
      const { sentence, details } = describeEntry(entry(action, shape));
      expect(sentence).toMatch(/^Claire Martin \(/);
      for (const text of [sentence, ...details]) {
        // An address is what the entry is about, dots and all.
        const words = text.replace(/\S+@\S+/g, 'someone');
        for (const pattern of UNREADABLE) expect(words, `${action}: ${text}`).not.toMatch(pattern);
      }
    }
  });

  it('reads the issue’s examples as sentences', () => {
    const say = (action: AuditAction, i: number, d = FR) => {
      const { sentence, details } = d(entry(action, ENTRIES[action][i]!));
      return [sentence, ...details];
    };
    expect(say('consortiumKpi.update', 0)).toEqual([
      'Claire Martin (Gestionnaire) a fixé la cible de PAT_INC à 55 pour mars 2026 (était 50)',
    ]);
    expect(say('consortiumKpi.update', 0, EN)).toEqual([
      'Claire Martin (Manager) set the target of PAT_INC to 55 for March 2026 (was 50)',
    ]);
    expect(say('consortiumKpi.update', 1)).toEqual([
      'Claire Martin (Gestionnaire) a modifié la référence, les cibles ou les seuils de PAT_INC',
      'Valeur de référence : < 10 en février 2025 (source : Registre) (était < 10 en janvier 2025 (source : Journaux))',
      'Seuils : orange à 5, rouge à 10 (était orange à 4, rouge à 8)',
      'Cible de mars 2026 : 55 (était 50)',
      'Cible de juin 2026 : 80',
      'Cible de septembre 2026 : valeur effacée (était 90)',
    ]);
    expect(say('consortiumKpi.update', 2, EN)).toContain(
      'Bands: amber at 10% off target, red at 20%',
    );
    expect(say('milestone.transition', 0)[0]).toBe(
      'Claire Martin (Gestionnaire) a soumis J3 « Protection des données » pour revue',
    );
    expect(say('milestone.update', 1)).toEqual([
      'Claire Martin (Gestionnaire) a décalé J3 « Protection des données » au 15 mars 2027 (était 15 décembre 2026) : « Migration HDS retardée »',
    ]);
    expect(say('kpiValue.upsert', 0)).toContain('Statut de la valeur : provisoire');
    expect(say('kpiValue.upsert', 0)[0]).toBe(
      'Claire Martin (Gestionnaire) a saisi PAT_INC pour mars 2026 : 100',
    );
    expect(say('kpiValue.upsert', 1, EN)).toEqual([
      'Claire Martin (Manager) corrected PPS for March 2026: 62.5% (was 60.0%)',
      'Numerator: 125 (was 120)',
      'Note: Vérifié',
    ]);
    // A hidden count reads as the rest of the product reads it, on both sides.
    expect(say('kpiValue.upsert', 2)).toEqual([
      'Claire Martin (Gestionnaire) a corrigé PPS pour T1 2026 : < 10',
    ]);
  });
});
