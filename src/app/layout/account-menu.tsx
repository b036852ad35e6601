import { lazy, Suspense, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '@domain/contract/auth';
import { Icon } from '@/components/icons';

// The panel reads consortium names through the typed client; loading it on first open keeps
// the contract (zod) out of the app shell's first chunk.
const AccountPanel = lazy(() => import('./account-panel'));

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w))
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

/** Who is signed in, as what; opens "My account" with the roles and the sign-out button. */
export function AccountMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Each distinct role once: "Chef de file, Observateur" for someone who holds both.
  const roles = [...new Set(me.memberships.map((m) => m.role))];

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) close();
  };

  return (
    <div className="account" onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="account-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="account-avatar" aria-hidden="true">
          {initials(me.name)}
        </span>
        <span className="account-who">
          <span className="account-name">{me.name}</span>
          {roles.length > 0 ? (
            <span className="account-role">{roles.map((r) => t(`role.${r}`)).join(', ')}</span>
          ) : null}
        </span>
        <Icon name="chevron-down" className="account-caret" />
      </button>
      {open ? (
        <div id={panelId} className="account-panel">
          <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
            <AccountPanel me={me} onClose={close} />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}
