"""Run the executable keys: a numeric question's `compute` and a code-output question's `code`.

The snippets run apart from the caller, in one isolated interpreter (`python -I`) that imports
NumPy once and forks a child per snippet, a few at a time, so `pathways validate` stays fast. Each
child has a CPU-time limit and a socket module whose connecting functions raise. A key that
disagrees with its computation, a snippet that raises or one that does not finish is a problem
naming file, line, question index and id; nothing here can hang.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from dataclasses import dataclass
from typing import assert_never

from .catalog import Catalog
from .grading import format_number, judge, key_of
from .models import CodeOutput, MultipleChoice, Numeric, SingleChoice
from .problems import Problem

# The kinds of question whose key is computed by running code, not written.
Executable = Numeric | CodeOutput

TIME_LIMIT = 5.0  # seconds of CPU time per snippet
ALLOWED_IMPORTS = frozenset(sys.stdlib_module_names) | {"numpy"}

# The worker: `python -I -c WORKER <limit>` reads the jobs as JSON on stdin, imports NumPy once,
# shuts the network off, and forks one child per snippet (a few at a time). A child may use
# `limit` seconds of CPU (RLIMIT_CPU, so a busy machine does not fail a correct key) and, as a
# backstop for a snippet that sleeps, four times that in wall-clock time. It prints one JSON line
# per job: {"printed": ..., "value": ..., "error": ...}.
WORKER = r"""
import io, json, math, os, resource, select, signal, socket, sys, time, traceback

def no_network(*args, **kwargs):
    raise PermissionError("network access is disabled while quiz keys are checked")

for name in ("connect", "connect_ex", "sendto", "sendmsg", "bind", "listen"):
    setattr(socket.socket, name, no_network)
for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
             "gethostbyaddr", "socketpair", "create_server"):
    setattr(socket, name, no_network)
try:
    import numpy  # once here, so each forked child starts with it loaded
except ImportError:
    pass

limit = float(sys.argv[1])
jobs = json.load(sys.stdin)
results = [None] * len(jobs)

def child(job, out):
    resource.setrlimit(resource.RLIMIT_CPU, (math.ceil(limit), math.ceil(limit) + 1))
    printed = io.StringIO()
    sys.stdout = sys.stderr = printed
    outcome = {"printed": "", "value": None, "error": ""}
    try:
        namespace = {"__name__": "__main__"}
        exec(compile(job["code"], "<quiz key>", "exec"), namespace)
        if job["mode"] == "compute":
            if "result" not in namespace:
                raise NameError("the computation does not assign `result`")
            outcome["value"] = float(namespace["result"])
    except BaseException as error:
        outcome["error"] = "raised " + "".join(
            traceback.format_exception_only(type(error), error)).strip()
    outcome["printed"] = printed.getvalue()
    os.write(out, json.dumps(outcome).encode())
    os._exit(0)

running = {}
pending = list(range(len(jobs)))
while pending or running:
    while pending and len(running) < 4:
        index = pending.pop(0)
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            quiet = os.open(os.devnull, os.O_WRONLY)
            os.dup2(quiet, 1)
            os.dup2(quiet, 2)
            child(jobs[index], write)
        os.close(write)
        running[read] = [index, pid, time.monotonic(), b""]
    ready, _, _ = select.select(list(running), [], [], 0.1)
    for fd in list(running):
        index, pid, started, data = running[fd]
        if fd in ready:
            chunk = os.read(fd, 65536)
            if chunk:
                running[fd][3] = data + chunk
                continue
        elif time.monotonic() - started < 4 * limit:
            continue
        else:
            os.kill(pid, signal.SIGKILL)
        os.close(fd)
        _, status = os.waitpid(pid, 0)
        del running[fd]
        if data:
            results[index] = json.loads(data)
        elif os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL):
            results[index] = {"printed": "", "value": None, "error": "timeout"}
        else:
            results[index] = {"printed": "", "value": None,
                              "error": f"stopped with status {status}"}
for result in results:
    print(json.dumps(result))
"""


@dataclass(frozen=True)
class Outcome:
    printed: str = ""
    value: float | None = None
    error: str = ""


def run_snippets(jobs: list[tuple[str, str]], time_limit: float = TIME_LIMIT) -> list[Outcome]:
    """Run (code, mode) snippets; mode "compute" also reads back the float in `result`."""
    if not jobs:
        return []
    payload = json.dumps([{"code": code, "mode": mode} for code, mode in jobs])
    done = subprocess.run(
        [sys.executable, "-I", "-c", WORKER, str(time_limit)],
        input=payload,
        capture_output=True,
        text=True,
        timeout=60 + 4 * time_limit * len(jobs),
    )
    if done.returncode != 0:
        raise RuntimeError(f"the key checker failed: {done.stderr.strip()}")
    outcomes = []
    for line in done.stdout.splitlines():
        found = json.loads(line)
        if found["error"] == "timeout":
            found["error"] = f"did not finish within {format_number(time_limit)} s"
        outcomes.append(Outcome(**found))
    return outcomes


def imports_of(code: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add((node.module or "").split(".")[0])
    return names


def _verdict(question: Executable, outcome: Outcome) -> str | None:
    if outcome.error:
        return f"the {_what(question)} {outcome.error}"
    match question:
        case Numeric():
            key = question.answer.value
            slack = max(question.answer.tolerance / 2, 1e-9 * max(1.0, abs(key)))
            if abs(outcome.value - key) > slack:
                return (
                    f"the computation gives {format_number(outcome.value)}, "
                    f"the key says {format_number(key)}"
                )
            return None
        case CodeOutput():
            if judge(key_of(question), outcome.printed).status != "right":
                return (
                    f"the code prints {outcome.printed.strip()!r}, "
                    f"the key says {question.output!r}"
                )
            return None
        case _:
            assert_never(question)


def _what(question: Executable) -> str:
    match question:
        case Numeric():
            return "computation"
        case CodeOutput():
            return "code"
        case _:
            assert_never(question)


def check_keys(catalog: Catalog, time_limit: float = TIME_LIMIT) -> list[Problem]:
    """Run every executable key of the catalog's quizzes; return the problems found."""
    jobs = []
    problems = []
    for record in catalog.quiz_records.values():
        display, document = record.file, record.document
        for index, question in enumerate(record.model.questions):
            match question:
                case CodeOutput():
                    field, code, mode = "code", question.code, "output"
                case Numeric() if question.compute:
                    field, code, mode = "compute", question.compute, "compute"
                case SingleChoice() | MultipleChoice() | Numeric():
                    continue  # nothing to run: the key is written, not computed
                case _:
                    assert_never(question)
            line, col = document.where(("questions", index, field))
            label = f"questions[{index}] ({question.id})"
            try:
                outside = sorted(imports_of(code) - ALLOWED_IMPORTS)
            except SyntaxError as error:
                problems.append(Problem(display, line, col, label, f"not Python: {error.msg}"))
                continue
            if outside:
                problems.append(
                    Problem(display, line, col, label,
                            f"expected imports of the standard library and NumPy only, "
                            f"found {', '.join(outside)}")
                )
                continue
            jobs.append((Problem(display, line, col, label, ""), question, code, mode))
    outcomes = run_snippets([(code, mode) for _, _, code, mode in jobs], time_limit)
    for (where, question, _, _), outcome in zip(jobs, outcomes, strict=True):
        message = _verdict(question, outcome)
        if message:
            problems.append(Problem(where.file, where.line, where.column, where.field, message))
    return sorted(problems)
