import { lazy, Suspense, useId, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Me } from '@domain/contract/auth';
import { useLogin } from '@/api/auth';
import { isApiError } from '@/api/errors';
import { Field } from '@/components/form-field';
import { PasswordField } from './password-field';

// Development only: `import.meta.env.DEV` is false in a production build, so the bundler drops
// this import and the demo password never reaches dist (the post-build grep checks it).
const DemoHint = import.meta.env.DEV ? lazy(() => import('./demo-hint')) : null;

type FieldErrors = { email?: string; password?: string };

export function LoginForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const formErrorId = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors = {
      email: email.trim() ? undefined : t('auth.errors.emailRequired'),
      password: password ? undefined : t('auth.errors.passwordRequired'),
    };
    setFieldErrors(errors);
    if (errors.email || errors.password) return;
    login.mutate({ email, password }, { onSuccess: onSignedIn });
  };

  const formError = login.error ? loginErrorMessage(login.error, t) : null;
  const credentialsRefused = isApiError(login.error) && login.error.status === 401;

  return (
    <form className="form auth-form" noValidate onSubmit={onSubmit}>
      {/* Always present so that screen readers announce the message when it appears. */}
      <div
        id={formErrorId}
        role="alert"
        className={formError ? 'form-error' : 'form-error is-empty'}
      >
        {formError}
      </div>
      <Field
        label={t('auth.email')}
        type="email"
        name="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fieldErrors.email}
        aria-invalid={fieldErrors.email || credentialsRefused ? true : undefined}
        describedBy={credentialsRefused ? formErrorId : undefined}
      />
      <PasswordField
        label={t('auth.password')}
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldErrors.password}
        aria-invalid={fieldErrors.password || credentialsRefused ? true : undefined}
        describedBy={credentialsRefused ? formErrorId : undefined}
      />
      <button
        type="submit"
        className="button button-primary button-block"
        disabled={login.isPending}
      >
        {login.isPending ? t('auth.signingIn') : t('auth.signIn')}
      </button>
      {DemoHint ? (
        <Suspense fallback={null}>
          <DemoHint
            onPick={(demoEmail, demoPassword) => {
              setEmail(demoEmail);
              setPassword(demoPassword);
            }}
          />
        </Suspense>
      ) : null}
    </form>
  );
}

// TFunction, not ReturnType<typeof useTranslation>['t']: with every feature's keys, the latter
// makes tsc give up (TS2589).
type T = TFunction;

/** One generic message for refused credentials: it must not tell which of the two was wrong. */
function loginErrorMessage(error: unknown, t: T): string {
  if (!isApiError(error) || error.kind === 'network') return t('auth.errors.network');
  if (error.status === 401) return t('auth.errors.credentials');
  if (error.status === 429) {
    const seconds = error.retryAfterSeconds;
    return seconds
      ? t('auth.errors.tooManyIn', { count: Math.max(1, Math.ceil(seconds / 60)) })
      : t('auth.errors.tooMany');
  }
  return t('auth.errors.unknown');
}
