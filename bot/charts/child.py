"""The chart-drawing child process: `python -m bot.charts.child`.

Reads frames from stdin, each a pickled (builder name, arguments) for a function of
bot.charts.draw, and writes one frame back for each: (True, PNG bytes) or (False, what went
wrong). A frame is its length (8 bytes, big-endian) and the pickle. It stops at the end of
stdin, which is also what it sees when its parent dies.
"""

from __future__ import annotations

import pickle
import sys
from typing import IO, Any

LENGTH = 8


def read_frame(stream: IO[bytes]) -> Any | None:
    header = stream.read(LENGTH)
    if len(header) < LENGTH:
        return None
    size = int.from_bytes(header, "big")
    body = stream.read(size)
    if len(body) < size:
        return None
    return pickle.loads(body)


def write_frame(stream: IO[bytes], value: Any) -> None:
    body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(body).to_bytes(LENGTH, "big") + body)
    stream.flush()


def main() -> None:
    from bot.charts import draw

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while (request := read_frame(stdin)) is not None:
        name, args = request
        try:
            reply = (True, getattr(draw, name)(*args))
        except Exception as exc:  # told to the parent, which logs it: the answer stands
            reply = (False, f"{type(exc).__name__}: {exc}")
        try:
            write_frame(stdout, reply)
        except OSError:  # the parent is gone (stopped, killed): so is its chart
            return


if __name__ == "__main__":
    main()
