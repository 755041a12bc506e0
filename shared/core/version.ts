/**
 * Ordering of events for one S3 key. S3 gives each event a `sequencer`: hex strings that compare
 * lexicographically once left-padded to the same length (AWS docs, "Event message structure").
 * Emulators such as moto omit it, so the event time (millisecond precision) stands in, encoded the same
 * way so both kinds of token compare as plain strings.
 */
const TOKEN_WIDTH = 32;

export function versionToken(sequencer: string | undefined, eventTime: string): string {
  if (sequencer && /^[0-9a-f]+$/i.test(sequencer)) {
    return sequencer.toUpperCase().padStart(TOKEN_WIDTH, '0');
  }
  const millis = Date.parse(eventTime);
  if (Number.isNaN(millis)) throw new Error(`event has neither a sequencer nor a valid eventTime`);
  // A deployment sees one kind of token or the other, never both, so the two scales never meet.
  return (BigInt(millis) * 1000n).toString(16).toUpperCase().padStart(TOKEN_WIDTH, '0');
}

export const isNewer = (candidate: string, current: string | undefined): boolean =>
  current === undefined || candidate > current;
