import { useTranslation } from 'react-i18next';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@domain/demo/people';

/**
 * `npm run dev` only (see login-form.tsx): the demo accounts, so each role's screens can be
 * tried without a server. Picking one fills the form; signing in is still the person's click.
 */
export default function DemoHint({
  onPick,
}: {
  onPick: (email: string, password: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <aside className="demo-hint" aria-labelledby="demo-hint-title">
      <h2 id="demo-hint-title" className="demo-hint-title">
        {t('auth.demo.title')}
      </h2>
      <p className="small">
        {t('auth.demo.password')} <code>{DEMO_PASSWORD}</code>
      </p>
      <ul className="demo-accounts">
        {DEMO_ACCOUNTS.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => onPick(p.email, DEMO_PASSWORD)}
            >
              {p.email}
            </button>
            <span className="muted">
              {' '}
              — {t(`role.${p.role}`)}
              {p.nextCohort ? ` · ${t('auth.demo.nextCohort')}` : null}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
