/**
 * Hierarchical keys, so one `invalidateQueries({ queryKey: keys.all })` or `keys.lists()` reaches
 * every entry below it. Keys are only used inside the resource's queryOptions.
 */
export function createQueryKeys<const R extends string>(resource: R) {
  const all = [resource] as const;
  return {
    all,
    lists: () => [...all, 'list'] as const,
    list: <const F extends Record<string, unknown>>(filters: F) =>
      [...all, 'list', filters] as const,
    details: () => [...all, 'detail'] as const,
    detail: (id: string) => [...all, 'detail', id] as const,
  };
}
