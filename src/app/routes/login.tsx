import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { LoginForm } from '@/features/auth/login-form';
import { safeReturnPath } from '@/lib/paths';
import type { LoginState } from '../session-gate';

export const loader = () => () => null;

export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const state = (location.state ?? {}) as LoginState;
  const from = safeReturnPath(state.from) ?? safeReturnPath(searchParams.get('from'));
  return (
    <div className="auth-page">
      <PageHeader title={t('auth.title')}>
        <p>{t('auth.intro')}</p>
      </PageHeader>
      {state.expired ? (
        <p className="notice" role="status">
          {t('auth.expired')}
        </p>
      ) : null}
      <LoginForm onSignedIn={(me) => void navigate(from ?? me.homePath, { replace: true })} />
    </div>
  );
}
