import {
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MEDIA_TYPES,
  type Evidence,
  type EvidenceLinkInput,
  type Milestone,
  type MilestoneEvent,
} from '../contract/milestone';
import { Problem } from '../problems';
import { isDone } from './milestone-machine';
import { checkNotUnderReview, milestoneRefusal } from './milestone-refusal';
import type { MutationContext } from './mutations';

export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

/** The media type of a Content-Type header (parameters and case dropped), if it is accepted. */
export function evidenceMediaType(
  contentType: string | null | undefined,
): EvidenceMediaType | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return (EVIDENCE_MEDIA_TYPES as readonly string[]).includes(type)
    ? (type as EvidenceMediaType)
    : null;
}

export const unsupportedEvidenceType = () =>
  new Problem(
    415,
    'unsupported_media_type',
    'Evidence files must be PDF, PNG, JPEG, WebP, CSV or office documents',
    { accepted: EVIDENCE_MEDIA_TYPES },
  );

export const evidenceTooLarge = () =>
  new Problem(
    413,
    'payload_too_large',
    `Evidence files are limited to ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`,
    { maxBytes: EVIDENCE_MAX_BYTES },
  );

const startsWith = (bytes: Uint8Array, ...signature: number[]) =>
  signature.every((b, i) => bytes[i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const ZIP = ascii('PK\x03\x04');
/** The legacy Office formats are OLE compound files. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Do the bytes look like the declared type? A cheap check of the file's signature (CSV: UTF-8
 * text without NUL and without markup), so that a renamed executable is not stored as a "PDF"
 * nor a web page as a spreadsheet.
 */
export function looksLike(type: EvidenceMediaType, bytes: Uint8Array): boolean {
  switch (type) {
    case 'application/pdf':
      return startsWith(bytes, ...ascii('%PDF-'));
    case 'image/png':
      // The signature, then the IHDR chunk every PNG starts with: not HTML behind a signature.
      return (
        startsWith(bytes, 0x89, ...ascii('PNG\r\n\x1a\n')) &&
        ascii('IHDR').every((b, i) => bytes[12 + i] === b)
      );
    case 'image/jpeg':
      return startsWith(bytes, 0xff, 0xd8, 0xff);
    case 'image/webp':
      return (
        startsWith(bytes, ...ascii('RIFF')) && ascii('WEBP').every((b, i) => bytes[8 + i] === b)
      );
    case 'text/csv':
      return isUtf8Text(bytes) && !isMarkup(new TextDecoder().decode(bytes));
    case 'application/msword':
    case 'application/vnd.ms-excel':
      return startsWith(bytes, ...OLE);
    default:
      // OOXML and OpenDocument files are ZIP archives.
      return startsWith(bytes, ...ZIP);
  }
}

// What a browser's content sniffing takes for HTML at the start of a file (WHATWG MIME Sniffing
// §7.1), and the elements that run something wherever they appear.
const HTML_START =
  /^[\s\ufeff]*<(!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--|\?xml|svg)[\s>/]/i;
const ACTIVE_ELEMENT = /<(script|iframe|object|embed|svg|html|body|!doctype)[\s>/]/i;

/** HTML or SVG dressed as text: refused even though it is valid UTF-8. */
const isMarkup = (text: string) => HTML_START.test(text) || ACTIVE_ELEMENT.test(text);

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** An uploaded file, read and checked. */
export interface RawBody {
  mediaType: EvidenceMediaType;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * Reads an upload for the server and the mocks alike: the type must be on the list (415), the
 * declared and then the counted size at most EVIDENCE_MAX_BYTES (413: a missing or lying
 * Content-Length lets no more through, reading stops at the limit), and the bytes must look like
 * the declared type (415).
 */
export async function readRawBody(
  contentType: string | null | undefined,
  contentLength: string | null | undefined,
  stream: ReadableStream<Uint8Array> | null,
): Promise<RawBody> {
  const mediaType = evidenceMediaType(contentType);
  if (!mediaType) throw unsupportedEvidenceType();
  if (contentLength && Number(contentLength) > EVIDENCE_MAX_BYTES) throw evidenceTooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (stream) {
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > EVIDENCE_MAX_BYTES) {
        // Not awaited: some streams (MSW's) settle their cancel only once the body is drained.
        reader.cancel().catch(() => undefined);
        throw evidenceTooLarge();
      }
      chunks.push(value);
    }
  }
  if (size === 0) {
    throw new Problem(400, 'validation_failed', 'The file is empty', {
      issues: [{ field: 'body', code: 'empty', message: 'The file is empty' }],
    });
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  if (!looksLike(mediaType, bytes)) throw contentMismatch(mediaType);
  return { mediaType, bytes };
}

export const contentMismatch = (type: string) =>
  milestoneRefusal(415, 'content_mismatch', `The file does not look like ${type}`, {
    mediaType: type,
  });

/**
 * An approved or waived milestone is closed: reopen it before changing its evidence. A submitted
 * one is frozen: what the manager approves is what was submitted.
 */
export function checkEvidenceWritable(m: Pick<Milestone, 'status'>): void {
  checkNotUnderReview(m);
  if (isDone(m.status)) {
    throw milestoneRefusal(
      422,
      'milestone_closed',
      'An approved or waived milestone cannot take evidence; reopen it first',
      { status: m.status },
    );
  }
}

/** Evidence is filed for one of the milestone's expected items, or for none. */
export function checkCovers(m: Pick<Milestone, 'evidenceExpected'>, covers: string | null): void {
  if (covers !== null && !m.evidenceExpected.includes(covers)) {
    throw milestoneRefusal(422, 'not_expected', 'This milestone expects no such evidence', {
      field: 'covers',
      expected: m.evidenceExpected,
    });
  }
}

export function linkEvidence(
  milestoneId: string,
  input: EvidenceLinkInput,
  ctx: MutationContext,
): Evidence {
  return {
    id: ctx.newId(),
    milestoneId,
    kind: 'link',
    name: input.name,
    url: input.url,
    mediaType: null,
    sizeBytes: null,
    covers: input.covers,
    uploadedBy: ctx.actor.name,
    uploadedAt: ctx.now,
  };
}

export function fileEvidence(
  milestoneId: string,
  file: { name: string; covers: string | null; mediaType: EvidenceMediaType; sizeBytes: number },
  ctx: MutationContext,
): Evidence {
  return {
    id: ctx.newId(),
    milestoneId,
    kind: 'file',
    name: file.name,
    url: null,
    mediaType: file.mediaType,
    sizeBytes: file.sizeBytes,
    covers: file.covers,
    uploadedBy: ctx.actor.name,
    uploadedAt: ctx.now,
  };
}

/** The thread of the milestone shows when evidence arrived, by whom. */
export const evidenceEvent = (e: Evidence, newId: () => string): MilestoneEvent => ({
  id: newId(),
  milestoneId: e.milestoneId,
  type: 'evidence',
  action: null,
  fromStatus: null,
  toStatus: null,
  previousDate: null,
  newDate: null,
  comment: e.name,
  actorName: e.uploadedBy,
  at: e.uploadedAt,
});

/** What the audit trail keeps of a piece of evidence (never its bytes). */
export const evidenceAudit = (e: Evidence) => ({
  evidenceId: e.id,
  evidenceName: e.name,
  kind: e.kind,
  covers: e.covers,
  ...(e.kind === 'file' ? { mediaType: e.mediaType, sizeBytes: e.sizeBytes } : { url: e.url }),
});

/**
 * The download headers: always an attachment (never rendered by the browser), with an ASCII
 * fallback name and the original one in RFC 8187 encoding, and no MIME sniffing.
 */
export function downloadHeaders(e: Pick<Evidence, 'name' | 'mediaType'>): Record<string, string> {
  const fallback =
    e.name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\]/g, '_')
      .trim() || 'evidence';
  const encoded = encodeURIComponent(e.name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return {
    'Content-Type': e.mediaType ?? 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  };
}
