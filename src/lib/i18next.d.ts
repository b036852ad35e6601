import 'i18next';
import type { fr } from '@/locales/messages-fr';

// Typed keys: a misspelt or missing key is a compile error, not a raw key on screen.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
    returnNull: false;
  }
}
