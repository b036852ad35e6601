import { fr } from '@/locales/messages-fr';
import type { AuditAction } from '@domain/contract/reporting';
import { fieldChanges, formatValue, period } from './audit-values';
import {
  isKey,
  only,
  quoted,
  str,
  type Builder,
  type SentenceContext,
  type Side,
} from './sentence-parts';

/* Sentences about accounts and reporting periods: entries with no KPI, milestone or consortium. */

const userName = (c: SentenceContext, after: Side) =>
  c.names.user(c.entry.entityId) ?? (str(after.email) || c.entry.entityId);
const roleOf = (c: SentenceContext, side: Side) =>
  isKey(fr.role, side.role) ? c.t(`role.${side.role}`) : '';

type AccountOrPeriod = Extract<AuditAction, `user.${string}` | `period.${string}`>;

export const ACCOUNT_AND_PERIOD_SENTENCES: Record<AccountOrPeriod, Builder> = {
  'user.create': (c, _b, a) =>
    only(
      c.t('audit.sentence.user_create', { who: c.who, name: userName(c, a), role: roleOf(c, a) }),
    ),

  // Readers who do not manage people get the invitation without its address.
  'user.invite': (c, _b, a) =>
    only(
      typeof a.email === 'string'
        ? c.t('audit.sentence.user_invite', { who: c.who, email: a.email, role: roleOf(c, a) })
        : c.t('audit.phrase.inviteSomeone', { who: c.who, role: roleOf(c, a) }),
    ),

  'user.accept': (c, _b, a) =>
    only(c.t('audit.sentence.user_accept', { who: c.who, role: roleOf(c, a) })),
  'user.disable': (c, _b, a) =>
    only(c.t('audit.sentence.user_disable', { who: c.who, name: userName(c, a) })),
  'user.enable': (c, _b, a) =>
    only(c.t('audit.sentence.user_enable', { who: c.who, name: userName(c, a) })),
  'user.passwordReset': (c, _b, a) =>
    only(c.t('audit.sentence.user_passwordReset', { who: c.who, name: userName(c, a) })),
  'user.passwordChange': (c) => only(c.t('audit.sentence.user_passwordChange', { who: c.who })),

  'period.open': (c, _b, a) =>
    only(
      c.t('audit.sentence.period_open', {
        who: c.who,
        period: period(a.period, c) ?? '',
        deadline: formatValue('deadline', a.deadline, c) ?? '',
      }),
    ),
  'period.update': (c, b, a) =>
    only(
      c.t('audit.sentence.period_update', { who: c.who, period: period(a.period, c) ?? '' }),
      fieldChanges(b, a, c),
    ),
  'period.lock': (c, _b, a) =>
    only(c.t('audit.sentence.period_lock', { who: c.who, period: period(a.period, c) ?? '' })),
  'period.archiveRetry': (c, _b, a) =>
    only(
      c.t('audit.sentence.period_archiveRetry', {
        who: c.who,
        period: period(a.period, c) ?? '',
        version: String(a.archive),
      }),
    ),
  'period.reopen': (c, _b, a) =>
    only(
      quoted(
        c,
        c.t('audit.sentence.period_reopen', { who: c.who, period: period(a.period, c) ?? '' }),
        a.reopenReason,
      ),
    ),
};
