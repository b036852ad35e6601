import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { FieldProblem } from '@/api/errors';

/**
 * The code a field error stands for, among those the form has a message for. Rule codes (the
 * form's own checks, the server's refusals) travel as the message; zod's built-in checks carry
 * theirs as the type, with an English message nobody should read.
 */
export function errorCode<Code extends string>(
  error: { type?: unknown; message?: unknown } | undefined,
  known: readonly Code[],
): Code | 'invalid' | null {
  if (!error) return null;
  const isKnown = (c: unknown): c is Code => (known as readonly unknown[]).includes(c);
  if (isKnown(error.message)) return error.message;
  return isKnown(error.type) ? error.type : 'invalid';
}

/** The fields a server refusal names, set on the form as its own check would set them. */
export function setFieldProblems<Values extends FieldValues>(
  setError: UseFormSetError<Values>,
  problems: readonly FieldProblem<Path<Values> | 'root'>[],
): void {
  for (const { field, code } of problems) setError(field, { type: code, message: code });
}

/**
 * Moves focus to the first field marked invalid, in document order, once a render has marked
 * it: after a refused submit and after a refusal from the server (WCAG 3.3.1). The request waits
 * for that render because react-hook-form publishes its errors after its own callbacks run, and
 * acts in the commit itself: that render comes from a promise, whose passive effects may lag.
 */
export function useFocusFirstInvalid<Element extends HTMLElement>() {
  const containerRef = useRef<Element>(null);
  const pending = useRef(false);
  const [, setRequest] = useState(0);
  useLayoutEffect(() => {
    if (!pending.current) return;
    const first = containerRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!first) return;
    pending.current = false;
    first.focus();
  });
  // Stable, so a form may list it among an effect's dependencies.
  const focusFirstInvalid = useCallback(() => {
    pending.current = true;
    setRequest((n) => n + 1);
  }, []);
  return { containerRef, focusFirstInvalid };
}
