import { useTranslation } from 'react-i18next';
import type { Locale } from '@domain/contract/common';
import { toLocale } from './i18n';

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return toLocale(i18n.resolvedLanguage ?? i18n.language);
}
