import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountLink, UserSummary } from '@domain/contract/auth';
import type { Programme } from '@domain/contract/programme';
import { useConsortia } from '@/api/consortia';
import { isApiError } from '@/api/errors';
import { useCreatePasswordReset, useSetUserDisabled, useUsers } from '@/api/users';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { CopyField } from '@/components/copy-field';
import { useMe } from '@/lib/access';
import { formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { InviteForm } from './invite-form';
import { UsersTable } from './users-table';

/** Accounts of the programme: invite, disable or enable, and hand out reset links. */
export function UsersAdmin({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const { items: users } = useUsers(programme.id);
  const { items: consortia } = useConsortia(programme.id);
  const setDisabled = useSetUserDisabled(programme.id);
  const reset = useCreatePasswordReset(programme.id);
  const [link, setLink] = useState<AccountLink | null>(null);
  const [confirming, setConfirming] = useState<UserSummary | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const onActionError = (error: unknown) =>
    setActionError(
      isApiError(error) && error.status === 412
        ? t('users.errors.conflict')
        : isApiError(error) && error.status === 403
          ? t('users.errors.otherProgrammes')
          : t('users.errors.failed'),
    );

  return (
    <>
      <section className="panel">
        <InviteForm programmeId={programme.id} consortia={consortia} onInvited={setLink} />
        {link ? (
          <div className="link-result">
            <p role="status">
              {t(
                link.kind === 'invitation'
                  ? 'link.invitationReady'
                  : link.link
                    ? 'link.resetReady'
                    : 'link.resetEmailed',
                { email: link.email, date: formatDateTime(link.expiresAt, locale) },
              )}
            </p>
            {link.link ? (
              <CopyField
                label={t('link.label')}
                value={new URL(link.link, window.location.origin).href}
              />
            ) : null}
          </div>
        ) : null}
      </section>
      <div role="alert" className={actionError ? 'form-error' : 'form-error is-empty'}>
        {actionError}
      </div>
      <UsersTable
        users={users}
        consortia={consortia}
        programmeName={programme.name}
        meId={me.id}
        busy={setDisabled.isPending || reset.isPending}
        onToggleDisabled={(u) => {
          setActionError(null);
          setConfirming(u);
        }}
        onResetLink={(u) => {
          setActionError(null);
          reset.mutate(u.id, { onSuccess: setLink, onError: onActionError });
        }}
      />
      {confirming ? (
        <ConfirmDialog
          title={t(
            confirming.disabled ? 'users.confirm.enableTitle' : 'users.confirm.disableTitle',
            {
              name: confirming.name,
            },
          )}
          confirmLabel={t(confirming.disabled ? 'users.confirm.enable' : 'users.confirm.disable')}
          busy={setDisabled.isPending}
          onCancel={() => setConfirming(null)}
          onConfirm={() =>
            setDisabled.mutate(
              { user: confirming, disabled: !confirming.disabled },
              { onSettled: () => setConfirming(null), onError: onActionError },
            )
          }
        >
          <p>
            {t(confirming.disabled ? 'users.confirm.enableBody' : 'users.confirm.disableBody', {
              name: confirming.name,
            })}
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
