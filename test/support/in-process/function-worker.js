// One local "Lambda runtime": a worker thread that loads one function's handler and runs the events the
// runner posts to it, one at a time, as a Lambda execution environment does. Plain JS because it must
// register tsx before it can load the TypeScript handler.
const { parentPort, workerData } = require('node:worker_threads');
require('tsx/cjs');
const { handler } = require(workerData.handlerPath);

parentPort.on('message', async ({ event, context }) => {
  const deadline = Date.now() + context.timeoutMs;
  const lambdaContext = {
    ...context,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
  try {
    parentPort.postMessage({ result: await handler(event, lambdaContext) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
