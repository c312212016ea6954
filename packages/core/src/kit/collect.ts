/**
 * Every item of an async stream, in order, as an array — for the small, bounded streams a command reads inside
 * its unit of work (an agent's open session, the host's roles). Large results stay streams.
 * @category Kit
 */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
