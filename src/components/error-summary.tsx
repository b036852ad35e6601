import { focusOnMount } from '@/lib/focus';

export interface ErrorSummaryItem {
  /** The id of the control the link moves focus to. */
  fieldId: string;
  text: string;
}

/**
 * The list of what a submitted form refused, focused when it appears (GOV.UK pattern): each item
 * links to its field. Remount it (a new `key`) on each attempt so that focus moves again.
 */
export function ErrorSummary({
  id,
  title,
  items,
}: {
  id: string;
  title: string;
  items: readonly ErrorSummaryItem[];
}) {
  return (
    <div
      className="error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby={id}
      ref={focusOnMount}
    >
      <h3 id={id}>{title}</h3>
      <ul>
        {items.map((item) => (
          <li key={item.fieldId}>
            <a
              href={`#${item.fieldId}`}
              onClick={(e) => {
                // Focus the field itself rather than letting the router see a hash change.
                e.preventDefault();
                document.getElementById(item.fieldId)?.focus();
              }}
            >
              {item.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
