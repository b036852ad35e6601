import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../contract/reporting';
import { withoutInviteeAddress } from './audit-readers';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: '1',
  at: '2026-11-02T10:00:00.000Z',
  actorId: 'user-manager',
  actorName: 'Claire Martin',
  role: 'manager',
  action: 'user.invite',
  entityType: 'invitation',
  entityId: 'inv-1',
  consortiumId: 'coord-dom',
  before: null,
  after: { email: 'a@b.test', role: 'member', consortiumId: 'coord-dom' },
  requestId: 'r',
  ...over,
});

describe('withoutInviteeAddress', () => {
  it('drops the address of an invitation and keeps the rest', () => {
    expect(withoutInviteeAddress(entry({})).after).toEqual({
      role: 'member',
      consortiumId: 'coord-dom',
    });
  });

  it('leaves other entries alone', () => {
    const other = entry({ entityType: 'user', action: 'user.disable', after: { email: 'x' } });
    expect(withoutInviteeAddress(other)).toBe(other);
  });
});
