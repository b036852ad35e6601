import type { Locale } from '@domain/contract/common';
import { EVIDENCE_MAX_BYTES, EVIDENCE_MEDIA_TYPES } from '@domain/contract/milestone';
import { intlLocale, numberFormat } from '@/lib/format';

/**
 * The checks a browser can make before sending a file, from the contract's own list and limit,
 * so the person hears at once what the server would answer (415 or 413) without the wait.
 */
export type FileRefusal = 'type' | 'size' | 'empty';

/** What the file picker offers: the media types plus the extensions some systems go by. */
export const EVIDENCE_ACCEPT = [
  ...EVIDENCE_MEDIA_TYPES,
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.webp',
  '.csv',
  '.docx',
  '.xlsx',
  '.pptx',
  '.odt',
  '.ods',
  '.doc',
  '.xls',
].join(',');

export function checkEvidenceFile(file: Pick<File, 'type' | 'size'>): FileRefusal | null {
  if (!(EVIDENCE_MEDIA_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > EVIDENCE_MAX_BYTES) return 'size';
  return null;
}

/** 2 400 000 → "2,3 Mo" / "2.3 MB". */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['byte', 'kilobyte', 'megabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return numberFormat(intlLocale(locale), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

export const MAX_MEGABYTES = EVIDENCE_MAX_BYTES / (1024 * 1024);
