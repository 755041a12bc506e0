"""MiniStack with periodic state snapshots.

MiniStack writes DynamoDB, SQS, Lambda and CloudFormation state to STATE_DIR only when it shuts down
cleanly (SIGTERM). A kill -9, an OOM kill or a power cut would lose everything since the last clean
stop. This launcher runs MiniStack unchanged and, every COPYDESK_SNAPSHOT_SECONDS, saves the same state
files from the server's own event loop: service handlers run on that loop, so a snapshot is never taken
while a request is half applied. The cost is a pause of about 40 ms per thousand stored items.
S3 objects need none of this: with S3_PERSIST=1 MiniStack writes each object to disk as it is put.

With COPYDESK_REQUEST_LOG=<file> it also appends one JSON line per HTTP request it serves (service,
operation, body sizes, User-Agent): what `npm run bench:cost` prices. Unset, the app is served unwrapped.
"""

import asyncio
import json
import logging
import os
import re
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


_SCOPE = re.compile(rb"Credential=[^/]+/[^/]+/[^/]+/([^/]+)/")
_ACTION = re.compile(rb"(?:^|&)Action=([A-Za-z0-9]+)")
# Operations whose billing depends on what is in the request body, not only its size: SQS bills a
# message per 64 KiB chunk of its payload, EventBridge an entry per 64 KB chunk, DynamoDB reads half a
# unit when eventually consistent. Only these bodies are parsed; every other request is only counted.
_PARSED_TARGETS = (b"AmazonSQS.SendMessage", b"AWSEvents.PutEvents", b"DynamoDB_20120810.")


def _payload_sizes(target: bytes, body: bytes) -> dict:
    try:
        request = json.loads(body)
    except ValueError:
        return {}
    size = lambda text: len((text or "").encode("utf-8"))
    if target == b"AmazonSQS.SendMessage":
        return {"entries": [size(request.get("MessageBody"))]}
    if target == b"AmazonSQS.SendMessageBatch":
        return {"entries": [size(e.get("MessageBody")) for e in request.get("Entries", [])]}
    if target == b"AWSEvents.PutEvents":
        entry = lambda e: sum(size(e.get(k)) for k in ("Source", "DetailType", "Detail")) + sum(
            size(r) for r in e.get("Resources", [])
        ) + (14 if e.get("Time") else 0)
        return {"entries": [entry(e) for e in request.get("Entries", [])]}
    consistent = request.get("ConsistentRead") is True or any(
        isinstance(t, dict) and t.get("ConsistentRead") is True for t in request.get("RequestItems", {}).values()
    )
    out = {"consistentRead": True} if consistent else {}
    # Which kind of partition a Query reads (the part of its key before the first '#': SIMHASH, W, ...),
    # so the bench can tell the duplicate check's reads, which grow with the archive, from the rest.
    key = re.search(r"\bpk\s*=\s*(:\w+)", request.get("KeyConditionExpression") or "")
    value = (request.get("ExpressionAttributeValues") or {}).get(key.group(1)) if key else None
    if isinstance(value, dict) and isinstance(value.get("S"), str):
        out["partition"] = value["S"].split("#")[0]
    return out


def _recording(inner, path: str):
    """The ASGI app, wrapped to append one line per HTTP request to `path`."""
    out = open(path, "a", buffering=1, encoding="utf-8")

    async def recorded(scope, receive, send):
        if scope["type"] != "http":
            return await inner(scope, receive, send)
        headers = dict(scope.get("headers", []))
        target = headers.get(b"x-amz-target", b"")
        parse_body = target.startswith(_PARSED_TARGETS) and (
            not target.startswith(b"DynamoDB_") or b"Get" in target or b"Query" in target
        )
        query = scope.get("query_string", b"")
        # Query protocols (STS, SNS, CloudFormation, ...) name the action in a form body.
        form = headers.get(b"content-type", b"").startswith(b"application/x-www-form-urlencoded")
        sizes = {"request": 0, "response": 0}
        kept: list[bytes] = []

        async def counting_receive():
            message = await receive()
            if message["type"] == "http.request":
                chunk = message.get("body", b"")
                sizes["request"] += len(chunk)
                if parse_body or (form and len(kept) < 4):
                    kept.append(chunk)
            return message

        async def counting_send(message):
            if message["type"] == "http.response.start":
                sizes["status"] = message["status"]
            elif message["type"] == "http.response.body":
                sizes["response"] += len(message.get("body", b""))
            await send(message)

        try:
            await inner(scope, counting_receive, counting_send)
        finally:
            body = b"".join(kept)
            scope_match = _SCOPE.search(headers.get(b"authorization", b""))
            action = _ACTION.search(query) or (_ACTION.search(body[:4096]) if form else None)
            line = {
                "t": round(time.time(), 3),
                "service": scope_match.group(1).decode() if scope_match else "",
                "operation": (target.split(b".")[-1] if target else action.group(1) if action else b"").decode(),
                "method": scope["method"],
                "host": headers.get(b"host", b"").decode("latin-1"),
                "path": scope.get("path", ""),
                "status": sizes.get("status", 0),
                "requestBytes": sizes["request"],
                "responseBytes": sizes["response"],
                "userAgent": headers.get(b"user-agent", b"").decode("latin-1"),
            }
            if line["service"] == "s3" and not line["operation"]:
                # REST: the method, on an object or on the bucket (path-style, as the local clients send).
                on_object = len([p for p in line["path"].split("/") if p]) > 1
                line["operation"] = f"{scope['method']} {'object' if on_object else 'bucket'}"
            if parse_body:
                line.update(_payload_sizes(target, body))
            out.write(json.dumps(line, separators=(",", ":")) + "\n")

    return recorded


if __name__ == "__main__":
    if os.environ.get("PERSIST_STATE") == "1" and INTERVAL > 0:
        threading.Thread(target=_snapshots, name="copydesk-snapshots", daemon=True).start()
    if os.environ.get("COPYDESK_REQUEST_LOG"):
        # main() serves the module's `app` global, so replacing it wraps every request it serves.
        app.app = _recording(app.app, os.environ["COPYDESK_REQUEST_LOG"])
    app.main()
