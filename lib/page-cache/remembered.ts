// A pure function of a string, remembered for the values a server sees over and over (a handful
// of Accept-Encoding headers, the site's URLs). Bounded: past `maxEntries` it starts afresh.
export function remembered<T>(compute: (key: string) => T, maxEntries: number): (key: string) => T {
  const results = new Map<string, T>();
  return (key) => {
    if (results.has(key)) return results.get(key) as T;
    const result = compute(key);
    if (results.size >= maxEntries) results.clear();
    results.set(key, result);
    return result;
  };
}
