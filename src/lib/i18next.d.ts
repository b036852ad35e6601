import 'i18next';
import type { MailMessages } from '@/locales/mail';
import type { fr } from '@/locales/messages-fr';

// Typed keys: a misspelt or missing key is a compile error, not a raw key on screen (or in a mail,
// whose namespace only the server loads).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr; mail: MailMessages };
    returnNull: false;
  }
}
