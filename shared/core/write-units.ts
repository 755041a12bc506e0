/**
 * DynamoDB's item-size rules (AWS developer guide, "Item sizes and formats"), to count the write units an
 * article costs. Emulators do not report consumed capacity, so the benchmark counts with this instead.
 */
export function itemSizeBytes(item: object): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue;
    size += Buffer.byteLength(name, 'utf8') + valueSize(value);
  }
  return size;
}

function valueSize(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number')
    return Math.ceil(String(Math.abs(value)).replace(/[.-]/g, '').length / 2) + 1;
  if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + valueSize(v), 0);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + valueSize(v), 0);
  if (typeof value === 'object') {
    return (
      3 +
      Object.entries(value as Record<string, unknown>).reduce(
        (sum, [k, v]) => (v === undefined ? sum : sum + 1 + Buffer.byteLength(k, 'utf8') + valueSize(v)),
        0,
      )
    );
  }
  return 0;
}

/** One write unit per started KiB; transactional writes cost two. */
export const writeUnitsFor = (item: object, transactional: boolean): number =>
  Math.max(1, Math.ceil(itemSizeBytes(item) / 1024)) * (transactional ? 2 : 1);
