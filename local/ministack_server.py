"""MiniStack with periodic state snapshots.

MiniStack writes DynamoDB, SQS, Lambda and CloudFormation state to STATE_DIR only when it shuts down
cleanly (SIGTERM). A kill -9, an OOM kill or a power cut would lose everything since the last clean
stop. This launcher runs MiniStack unchanged and, every COPYDESK_SNAPSHOT_SECONDS, saves the same state
files from the server's own event loop: service handlers run on that loop, so a snapshot is never taken
while a request is half applied. The cost is a pause of about 40 ms per thousand stored items.
S3 objects need none of this: with S3_PERSIST=1 MiniStack writes each object to disk as it is put.
"""

import asyncio
import logging
import os
import threading
import time

from ministack import app

log = logging.getLogger("copydesk.snapshot")
INTERVAL = float(os.environ.get("COPYDESK_SNAPSHOT_SECONDS", "30"))


async def _save() -> None:
    started = time.monotonic()
    app.save_all(app._build_persistence_save_dict())
    log.info("state snapshot saved in %.2f s", time.monotonic() - started)


def _snapshots() -> None:
    while True:
        time.sleep(INTERVAL)
        loop = app._MAIN_LOOP
        if loop is None or loop.is_closed():
            continue
        try:
            asyncio.run_coroutine_threadsafe(_save(), loop).result()
        except Exception as error:  # a failed snapshot must never stop the emulator; the next one retries
            log.error("state snapshot failed: %s", error)


if __name__ == "__main__":
    if os.environ.get("PERSIST_STATE") == "1" and INTERVAL > 0:
        threading.Thread(target=_snapshots, name="copydesk-snapshots", daemon=True).start()
    app.main()
