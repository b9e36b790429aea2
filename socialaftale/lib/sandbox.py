"""Run a risky parse of an uploaded file (a damaged PDF can loop, recurse or inflate a
stream to gigabytes) in a forked child process with a time and a memory limit, so the web
worker itself never hangs or runs out of memory. Linux only (fork, /proc, RLIMIT_AS)."""

import multiprocessing
import os
import resource


class LimitExceeded(Exception):
    """The work took longer than allowed, or used more memory than allowed."""


class ChildFailed(Exception):
    """The work raised an exception in the child; the message is its type and text."""


def run_limited(function, *args, seconds: float, memory_mb: int):
    """function(*args) in a child process: its result (which must pickle), ChildFailed for
    an exception it raised, LimitExceeded when it ran out of time or memory."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, function, args, memory_mb))
    process.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise LimitExceeded(f"more than {seconds} s")
        outcome, value = receiver.recv()
    except EOFError:  # the child died without an answer: killed by the memory limit
        raise LimitExceeded(f"more than {memory_mb} MB") from None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    if outcome == "failed":
        raise ChildFailed(value)
    return value


def _child(sender, function, args, memory_mb: int) -> None:
    page = os.sysconf("SC_PAGE_SIZE")
    with open("/proc/self/statm") as statm:
        in_use = int(statm.read().split()[0]) * page
    limit = in_use + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        answer = ("ok", function(*args))
    except MemoryError:
        answer = ("failed", "MemoryError")
    except Exception as exc:  # everything the parser may raise becomes the caller's refusal
        answer = ("failed", f"{type(exc).__name__}: {exc}"[:500])
    try:
        sender.send(answer)
    except Exception:  # an answer that does not pickle is a failure too
        sender.send(("failed", "unpicklable result"))
    sender.close()
