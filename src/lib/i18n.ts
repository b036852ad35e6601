import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@domain/contract/common';
import { en, fr } from '@/locales';

export const LOCALE_STORAGE_KEY = 'jalon.locale';
/** The contract's Locale values, without importing zod into the app shell's chunk. */
export const LOCALES = ['fr', 'en'] as const satisfies readonly Locale[];
export const DEFAULT_LOCALE: Locale = 'fr';

export const resources = { fr: { translation: fr }, en: { translation: en } } as const;

function readStoredLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    // Storage can be disabled (private mode, strict policies): fall back to the default.
    return null;
  }
}

/** The locale chosen last time on this browser, else French. */
export function initialLocale(): Locale {
  return readStoredLocale() ?? DEFAULT_LOCALE;
}

function persist(locale: string): void {
  document.documentElement.lang = locale;
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not persisting is acceptable; the switch still works for this visit.
  }
}

/**
 * A fresh i18next instance (not the global one) so each test and each app mount owns its
 * language state. Resources are bundled: both files are small and switching must be instant.
 */
export function createI18n(locale: Locale = initialLocale()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: LOCALES,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    // The sponsor notice is console noise in every test run and every page load.
    showSupportNotice: false,
  });
  document.documentElement.lang = locale;
  instance.on('languageChanged', persist);
  return instance;
}

/** The active locale as the contract's type (i18next only knows strings). */
export function toLocale(language: string | undefined): Locale {
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}
