/**
 * The names celebrated on one day: main names (fő névnap) first, then the additional names (további
 * névnapok), each in the source's order.
 * @category Name days
 */
export interface NameDayNames {
  /** The names whose main name day this is (usually one or two). */
  readonly main: readonly string[];
  /** The names that also have a name day on this day (their main day is another). */
  readonly additional: readonly string[];
}
