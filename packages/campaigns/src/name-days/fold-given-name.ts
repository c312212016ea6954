const MARKS = /\p{M}/gu;

/**
 * The accent- and case-insensitive key of a given name: trimmed, lower-cased, Unicode NFD with every combining
 * mark removed, so `Erzsébet`, `ERZSÉBET`, ` erzsebet ` all fold to `erzsebet`, and `Győző` (ő, double acute) to
 * `gyozo`. Inner white space collapses to one space, so a compound name stays one (unmatched) key.
 * @example foldGivenName(' ERZSÉBET ') // 'erzsebet'
 * @category Name days
 */
export function foldGivenName(name: string): string {
  return name.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
