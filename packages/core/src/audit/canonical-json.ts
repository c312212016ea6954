/**
 * JSON with object keys sorted at every depth, so equal data always hashes the same.
 * (RFC 8785 canonicalisation, minus its number formatting rules, which JSON.stringify already meets
 * for the integers and finite numbers audit payloads hold.)
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(JSON.parse(JSON.stringify(value ?? null))));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}
