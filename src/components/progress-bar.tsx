interface ProgressBarProps {
  /** 0–100. */
  percent: number;
  /** Visible text next to the bar; the bar itself is decorative. */
  label: string;
}

export function ProgressBar({ percent, label }: ProgressBarProps) {
  const width = Math.max(0, Math.min(100, percent));
  return (
    <div className="progress">
      <div className="progress-track" aria-hidden="true">
        <div className="progress-fill" style={{ width: `${width}%` }} />
      </div>
      <span className="progress-label">{label}</span>
    </div>
  );
}
