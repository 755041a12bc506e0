import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { StageName } from '../../../shared/topology';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

/** Runs a function's handler for the runner, with the function's timeout. */
export interface Invoker {
  invoke(event: SQSEvent, context: Context, timeoutMs: number): Promise<SQSBatchResponse | void>;
  close(): Promise<void>;
}

export class HandlerTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`handler timed out after ${timeoutMs} ms`);
  }
}

/** The handler on the runner's own event loop: quick to start, for tests that supply their own handlers. */
export class InlineInvoker implements Invoker {
  constructor(private readonly handler: SqsHandler) {}

  async invoke(event: SQSEvent, context: Context, timeoutMs: number) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HandlerTimeoutError(timeoutMs)), timeoutMs);
    });
    try {
      return await Promise.race([this.handler(event, context), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close() {}
}

/**
 * The deployed handler in its own worker thread, as each function has its own runtime on Lambda: a
 * CPU-heavy stage (parse) cannot starve the others into timeouts, and the stages use every core. A
 * timed-out invocation's runtime is discarded, as Lambda does, and the next one starts cold.
 */
export class WorkerInvoker implements Invoker {
  private worker: Worker | undefined;

  constructor(private readonly stage: StageName) {}

  async invoke(event: SQSEvent, context: Context, timeoutMs: number) {
    const worker = (this.worker ??= new Worker(join(__dirname, 'function-worker.js'), {
      workerData: { handlerPath: join(__dirname, '..', '..', '..', 'functions', this.stage, 'index.ts') },
      // The function's configuration as this process sees it now (jest gives each test file its own).
      env: { ...process.env },
    }));
    const { getRemainingTimeInMillis: _r, done: _d, fail: _f, succeed: _s, ...plainContext } = context;
    return new Promise<SQSBatchResponse | void>((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      const onMessage = (reply: { result?: SQSBatchResponse; error?: string }) => {
        settle();
        if (reply.error !== undefined) reject(new Error(reply.error));
        else resolve(reply.result);
      };
      const onError = (error: Error) => {
        settle();
        this.worker = undefined;
        reject(error);
      };
      const timer = setTimeout(() => {
        settle();
        this.worker = undefined;
        void worker.terminate();
        reject(new HandlerTimeoutError(timeoutMs));
      }, timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ event, context: { ...plainContext, timeoutMs } });
    });
  }

  async close() {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
