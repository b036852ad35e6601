import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@domain/contract/common';
import { fr, type Messages } from '@/locales/messages-fr';

export const LOCALE_STORAGE_KEY = 'jalon.locale';
/** The contract's Locale values, without importing zod into the app shell's chunk. */
export const LOCALES = ['fr', 'en'] as const satisfies readonly Locale[];
export const DEFAULT_LOCALE: Locale = 'fr';

/** Native names, shown as they are whatever the current language (they are not translations). */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { fr: 'Français', en: 'English' };

/**
 * French ships with the app shell; English is a chunk of its own (~16 kB gzip), fetched once when
 * it is first needed — at start for a reader who chose it, else on the switch.
 */
const bundles: Partial<Record<Locale, Messages>> = { fr };
const loaders: Readonly<Record<Locale, () => Promise<Messages>>> = {
  fr: () => Promise.resolve(fr),
  en: () => import('@/locales/messages-en').then((m) => m.en),
};

/** Makes a language available synchronously (tests preload English this way). */
export function provideMessages(locale: Locale, messages: Messages): void {
  bundles[locale] = messages;
}

export async function loadMessages(locale: Locale): Promise<void> {
  bundles[locale] ??= await loaders[locale]();
}

function resourcesLoaded() {
  return Object.fromEntries(
    Object.entries(bundles).map(([locale, messages]) => [locale, { translation: messages }]),
  );
}

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
export function createI18n(requested: Locale = initialLocale()): i18n {
  // A language not loaded yet starts in French; callers load it first (main.tsx does).
  const locale = bundles[requested] ? requested : DEFAULT_LOCALE;
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: resourcesLoaded(),
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

/** Loads the language if needed, then switches to it. */
export async function switchLocale(instance: i18n, locale: Locale): Promise<void> {
  await loadMessages(locale);
  const messages = bundles[locale];
  if (messages && !instance.hasResourceBundle(locale, 'translation')) {
    instance.addResourceBundle(locale, 'translation', messages);
  }
  await instance.changeLanguage(locale);
}

/** The active locale as the contract's type (i18next only knows strings). */
export function toLocale(language: string | undefined): Locale {
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}
