import type { AuditAction, AuditEntry } from '@domain/contract/reporting';
import type { NumberSpec } from '@/lib/format';
import { fr } from '@/locales/messages-fr';
import { ACCOUNT_AND_PERIOD_SENTENCES } from './account-period-sentences';
import { changePhrase, fieldChanges, formatValue, period, type ValueContext } from './audit-values';
import {
  isKey,
  only,
  quoted,
  str,
  was,
  type Builder,
  type DescribedEntry,
  type EntityNames,
  type SentenceContext,
  type Side,
} from './sentence-parts';

function milestoneOf(c: SentenceContext, side: Side): string {
  const known = c.names.milestone(c.entry.entityId);
  if (known) return c.t('audit.milestone', known);
  return str(side.code) || c.entry.entityId;
}

function kpiCode(c: SentenceContext): string {
  const id = str(c.entry.after?.kpiId ?? c.entry.before?.kpiId) || c.entry.entityId;
  return c.names.kpi(id)?.code ?? id;
}

const consortiumName = (c: SentenceContext) =>
  c.names.consortium(c.entry.entityId) ?? c.entry.entityId;

/** The targets an entry changed, period by period, as "Cible de mars 2026 : 55 (était 50)". */
function targetChanges(c: SentenceContext, before: Side, after: Side) {
  const byPeriod = (side: Side) => {
    const list = Array.isArray(side.targets) ? (side.targets as unknown[]) : [];
    const map = new Map<string, unknown>();
    for (const p of list)
      if (typeof p === 'object' && p !== null && 'period' in p && 'value' in p)
        map.set(str(p.period), p.value);
    return map;
  };
  if (!('targets' in after)) return [];
  const b = byPeriod(before);
  const a = byPeriod(after);
  return [...new Set([...b.keys(), ...a.keys()])].sort().flatMap((key) => {
    const pair = {
      before: formatValue('value', b.get(key), c),
      after: formatValue('value', a.get(key), c),
    };
    if (pair.before === pair.after) return [];
    return [{ period: period(key, c) ?? key, ...pair }];
  });
}

/** Each action's sentence; a Record, so that a new action cannot go without one. */
const BUILDERS: Record<AuditAction, Builder> = {
  'programme.update': (c, b, a) =>
    only(c.t('audit.sentence.programme_update', { who: c.who }), fieldChanges(b, a, c)),

  'consortium.update': (c, b, a) =>
    only(
      c.t('audit.sentence.consortium_update', {
        who: c.who,
        name: c.names.consortium(c.entry.entityId) ?? str(a.name ?? b.name),
      }),
      fieldChanges(b, a, c),
    ),

  'milestone.update': (c, b, a) => {
    const milestone = milestoneOf(c, a);
    const date = formatValue('forecastDate', a.forecastDate, c);
    if (date !== null) {
      const previous = formatValue('forecastDate', b.forecastDate, c);
      // ISO dates compare as strings: a later date is a slip, an earlier one brings it forward.
      const key = str(b.forecastDate) > str(a.forecastDate) ? 'advance' : 'slip';
      const sentence = was(
        c,
        c.t(`audit.phrase.${key}`, { who: c.who, milestone, date }),
        previous,
        date,
      );
      return only(quoted(c, sentence, a.reason), fieldChanges(b, a, c, ['forecastDate', 'reason']));
    }
    const fields = Object.keys(a);
    if (fields.length === 1 && fields[0] === 'progress') {
      const after = formatValue('progress', a.progress, c) ?? '';
      const sentence = c.t('audit.phrase.progress', { who: c.who, milestone, after });
      return only(was(c, sentence, formatValue('progress', b.progress, c), after));
    }
    return only(
      c.t('audit.sentence.milestone_update', { who: c.who, milestone }),
      fieldChanges(b, a, c),
    );
  },

  'milestone.transition': (c, b, a) => {
    const milestone = milestoneOf(c, a);
    const sentence = isKey(fr.audit.phrase.transition, a.action)
      ? c.t(`audit.phrase.transition.${a.action}`, { who: c.who, milestone })
      : c.t('audit.sentence.milestone_transition', {
          who: c.who,
          milestone,
          from: formatValue('status', b.status, c) ?? '',
          to: formatValue('status', a.status, c) ?? '',
        });
    return only(
      quoted(c, sentence, a.comment),
      fieldChanges(b, a, c, ['status', 'action', 'comment']),
    );
  },

  'milestone.comment': (c, _b, a) =>
    only(
      quoted(
        c,
        c.t('audit.sentence.milestone_comment', { who: c.who, milestone: milestoneOf(c, a) }),
        a.comment,
      ),
    ),

  'milestone.create': (c, _b, a) => {
    const phase = formatValue('phase', a.phase, c);
    const date = formatValue('forecastDate', a.forecastDate, c);
    const code = str(a.code);
    return only(
      phase !== null && date !== null
        ? c.t('audit.phrase.milestoneCreated', { who: c.who, code, phase, date })
        : c.t('audit.sentence.milestone_create', { who: c.who, code }),
    );
  },

  'milestone.delete': (c, b, a) =>
    only(c.t('audit.sentence.milestone_delete', { who: c.who, code: str(a.code ?? b.code) })),

  'milestonePlan.apply': (c, _b, a) => {
    const name = consortiumName(c);
    return only(
      typeof a.milestoneCount === 'number' && typeof a.templateVersion === 'number'
        ? c.t('audit.phrase.planApplied', {
            who: c.who,
            name,
            count: a.milestoneCount,
            version: a.templateVersion,
          })
        : c.t('audit.sentence.milestonePlan_apply', { who: c.who, name }),
    );
  },

  'milestonePlan.approve': (c) =>
    only(c.t('audit.sentence.milestonePlan_approve', { who: c.who, name: consortiumName(c) })),

  'milestoneTemplate.update': (c, b, a) =>
    only(c.t('audit.sentence.milestoneTemplate_update', { who: c.who }), fieldChanges(b, a, c)),

  'evidence.add': (c, _b, a) => {
    const values = { who: c.who, evidence: str(a.evidenceName), milestone: milestoneOf(c, a) };
    const sentence =
      a.kind === 'link'
        ? c.t('audit.phrase.evidenceLink', values)
        : a.kind === 'file'
          ? c.t('audit.phrase.evidenceFile', values)
          : c.t('audit.sentence.evidence_add', values);
    const covers = formatValue('name', a.covers, c);
    return only(
      sentence,
      covers === null
        ? []
        : [c.t('audit.change.set', { label: c.t('audit.field.covers'), after: covers })],
    );
  },

  'evidence.delete': (c, b, a) =>
    only(
      c.t('audit.sentence.evidence_delete', {
        who: c.who,
        evidence: str(a.evidenceName ?? b.evidenceName),
        milestone: milestoneOf(c, b),
      }),
    ),

  'kpi.create': (c, b, a) =>
    only(
      c.t('audit.sentence.kpi_create', { who: c.who, code: str(a.code) || kpiCode(c) }),
      fieldChanges(b, a, c),
    ),

  'kpi.update': (c, b, a) =>
    only(c.t('audit.sentence.kpi_update', { who: c.who, code: kpiCode(c) }), fieldChanges(b, a, c)),

  'consortiumKpi.update': (c, b, a) => {
    const code = kpiCode(c);
    const targets = targetChanges(c, b, a);
    const others = fieldChanges(b, a, c, ['targets']);
    const single = targets.length === 1 && others.length === 0 ? targets[0] : undefined;
    if (single?.after) {
      const sentence = c.t('audit.phrase.target', {
        who: c.who,
        code,
        value: single.after,
        period: single.period,
      });
      return only(was(c, sentence, single.before, single.after));
    }
    const phrases = targets.flatMap(
      (p) =>
        changePhrase(c.t('audit.targetOf', { period: p.period }), p.before, p.after, c.t) ?? [],
    );
    return only(c.t('audit.sentence.consortiumKpi_update', { who: c.who, code }), [
      ...others,
      ...phrases,
    ]);
  },

  'kpiValue.upsert': (c, b, a) => {
    const code = kpiCode(c);
    const when = period(a.period, c) ?? '';
    const value = 'value' in a ? formatValue('value', a.value, c) : null;
    const details = fieldChanges(b, a, c, ['value']);
    if (value === null)
      return only(
        c.t('audit.sentence.kpiValue_upsert', { who: c.who, code, period: when }),
        fieldChanges(b, a, c),
      );
    if (c.entry.before === null)
      return only(
        c.t('audit.phrase.kpiValueFirst', { who: c.who, code, period: when, value }),
        details,
      );
    const sentence = c.t('audit.phrase.kpiValueChanged', { who: c.who, code, period: when, value });
    return only(was(c, sentence, formatValue('value', b.value, c), value), details);
  },
  ...ACCOUNT_AND_PERIOD_SENTENCES,
};

/** The KPI whose unit an entry's numbers are in: its own, or the one its cell or settings name. */
function kpiSpecOf(entry: AuditEntry, names: EntityNames): NumberSpec | undefined {
  if (entry.entityType === 'kpi') return undefined;
  const id = entry.after?.kpiId ?? entry.before?.kpiId;
  return typeof id === 'string' ? names.kpi(id)?.spec : undefined;
}

/** An audit entry as the reader's language says it. */
export function describeEntry(
  entry: AuditEntry,
  base: Omit<ValueContext, 'kpi'> & { names: EntityNames },
): DescribedEntry {
  const who = isKey(fr.role, entry.role)
    ? base.t('audit.who', { name: entry.actorName, role: base.t(`role.${entry.role}`) })
    : entry.actorName;
  const c: SentenceContext = { ...base, entry, who, kpi: kpiSpecOf(entry, base.names) };
  return BUILDERS[entry.action](c, entry.before ?? {}, entry.after ?? {});
}
