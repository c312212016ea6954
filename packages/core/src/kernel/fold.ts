const MARKS = /\p{M}/gu;

/**
 * Lower-cases text and strips its diacritics (Unicode NFD, combining marks removed), so that `Kovács Péter`
 * and `kovacs peter` compare equal: the folding of every accent-insensitive lookup key.
 * @example foldDiacritics('Árvíztűrő') // 'arvizturo'
 * @category Kernel
 */
export function foldDiacritics(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(MARKS, '').replace(/\s+/g, ' ').trim();
}
