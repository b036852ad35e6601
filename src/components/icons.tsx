/**
 * Small inline icons. They are always decorative (aria-hidden): the word next to them carries
 * the meaning, so colour and shape only reinforce it.
 */
export type IconName =
  | 'check'
  | 'warning'
  | 'cross'
  | 'dash'
  | 'arrow-up'
  | 'arrow-down'
  | 'arrow-right'
  | 'menu'
  | 'close'
  | 'clock'
  | 'chevron-down'
  | 'chevron-left'
  | 'chevron-right';

const PATHS: Record<IconName, string> = {
  check: 'M4 10.5l4 4 8-9',
  warning: 'M10 3l8 14H2L10 3zm0 5v4m0 2.5v.5',
  cross: 'M5 5l10 10M15 5L5 15',
  dash: 'M5 10h10',
  'arrow-up': 'M5 14l10-8m0 0H8m7 0v7',
  'arrow-down': 'M5 6l10 8m0 0H8m7 0V7',
  'arrow-right': 'M3 10h14m0 0l-5-5m5 5l-5 5',
  menu: 'M3 5h14M3 10h14M3 15h14',
  close: 'M5 5l10 10M15 5L5 15',
  clock: 'M10 2.5a7.5 7.5 0 100 15 7.5 7.5 0 000-15zM10 6v4l3 2',
  'chevron-down': 'M5 8l5 5 5-5',
  'chevron-left': 'M12 5l-5 5 5 5',
  'chevron-right': 'M8 5l5 5-5 5',
};

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 20 20"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
