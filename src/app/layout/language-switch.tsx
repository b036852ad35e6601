import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LOCALES, switchLocale } from '@/lib/i18n';
import { useLocale } from '@/lib/use-locale';

/**
 * Two buttons rather than a select: both languages stay visible and each is labelled in its own
 * language (lang attribute), so a reader who does not understand the current one still finds theirs.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = useLocale();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="language-button"
          aria-pressed={current === locale}
          onClick={() => void switchLocale(i18n, locale)}
        >
          {/* The visible code starts the accessible name (WCAG 2.5.3, label in name). */}
          {locale.toUpperCase()}
          <span className="visually-hidden">{`, ${LANGUAGE_NAMES[locale]}`}</span>
        </button>
      ))}
    </div>
  );
}
