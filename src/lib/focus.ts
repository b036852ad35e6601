/** A ref callback that focuses its element once, when it mounts (stable, so not on every render). */
export function focusOnMount(element: HTMLElement | null): void {
  element?.focus();
}
