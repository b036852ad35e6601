import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The width of the chart's box, followed as the window resizes. Where nothing can be measured
 * (a test DOM, a hidden tab) the chart keeps `fallback` instead of collapsing to zero.
 */
export function useChartWidth<E extends HTMLElement>(fallback: number) {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const w = Math.floor(element.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
