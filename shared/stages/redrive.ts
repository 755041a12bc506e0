import type { StageName } from '../topology';
import type { DeadLetterMover, MoveResult } from './operation-ports';

export interface RedriveDeps {
  mover: DeadLetterMover;
  /** A stage's queue and its dead-letter queue. */
  queues(stage: StageName): Promise<{ url: string; deadLetterUrl: string }>;
}

export type StageRedrive = MoveResult & { stage: StageName };

/**
 * Moves every message of each stage's dead-letter queue back to the stage's queue, one stage after the
 * other. Redriving is safe for every stage: each message is an event the stage handles idempotently
 * (the index's version tokens make a replayed event change nothing that is already newer). A message
 * that failed for good fails again and returns to the dead-letter queue after the queue's receive limit.
 */
export async function redrive(stages: readonly StageName[], deps: RedriveDeps): Promise<StageRedrive[]> {
  const results: StageRedrive[] = [];
  for (const stage of stages) {
    results.push({ stage, ...(await deps.mover.move(await deps.queues(stage))) });
  }
  return results;
}
