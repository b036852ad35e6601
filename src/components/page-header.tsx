import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  /** Short context under the title (dates, funder, scope). */
  children?: ReactNode;
  eyebrow?: ReactNode;
}

/** The screen's single h1, plus the document title so tabs and history read well. */
export function PageHeader({ title, children, eyebrow }: PageHeaderProps) {
  return (
    <header className="page-header">
      <title>{`${title} · Jalon`}</title>
      {eyebrow ? <div className="page-eyebrow">{eyebrow}</div> : null}
      <h1>{title}</h1>
      {children ? <div className="page-intro">{children}</div> : null}
    </header>
  );
}
