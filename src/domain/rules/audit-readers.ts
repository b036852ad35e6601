import type { AuditEntry } from '../contract/reporting';

/**
 * An invitation's entry names the address it went to. That address is personal data of someone
 * who has not joined yet: only those who manage the programme's people read it; everyone else
 * reads that someone was invited, and in which role.
 */
export function withoutInviteeAddress(entry: AuditEntry): AuditEntry {
  if (entry.entityType !== 'invitation') return entry;
  const hide = (side: AuditEntry['after']) => {
    if (!side || !('email' in side)) return side;
    const { email: _email, ...rest } = side;
    return rest;
  };
  return { ...entry, before: hide(entry.before), after: hide(entry.after) };
}
