"""The progress store: the same JSON as the browser keeps under localStorage `pathways:progress`.

    {"format": "backend-ai-pathways-progress", "version": 1,
     "quizzes": {"<role>": {"<question id>": {"fingerprint": "<fp>",
        "first": {"answer": <raw>, "status": "right"|"wrong", "at": "<ISO time>"},
        "last": {...same...}}}}}

The FIRST checked answer is the one scored; later tries only update "last" and are practice. An
answer saved for an older version of a question (another fingerprint) is not scored, and a new
answer starts it afresh. A store of another format or version, or a corrupt one, is refused with a
message and left as it is. Keys this version does not know are kept as they were.

Beside "quizzes", three optional sections (the learner's journey):

    "tasks":  {"<role>": {"<task id>": "<ISO time ticked>"}}   task id: render.task_id(text)
    "skills": {"<catalogue skill id>": "<ISO time marked mastered>"}
    "plans":  {"<role>": {"start": "YYYY-MM-DD", "hours": <whole hours a week, 1 to 80>}}
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from .models import AnyQuestion, Quiz
from .plan import MAX_HOURS
from .scoring import Verdict

FORMAT = "backend-ai-pathways-progress"
VERSION = 1
STATUSES = ("right", "wrong")


class ProgressError(Exception):
    """A progress file that cannot be used; the message says why and that nothing was changed."""


def empty_store() -> dict:
    return {"format": FORMAT, "version": VERSION, "quizzes": {}}


def now() -> str:
    """The time as JavaScript's Date.toISOString writes it: 2026-11-28T18:03:52.123Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _attempt_problem(attempt: object, where: str) -> str | None:
    if not isinstance(attempt, dict):
        return f"{where}: expected an object, found {type(attempt).__name__}"
    answer = attempt.get("answer")
    if not (
        isinstance(answer, str)
        or (isinstance(answer, list) and all(isinstance(a, str) for a in answer))
    ):
        return f"{where}.answer: expected text or a list of option ids, found {answer!r}"
    if attempt.get("status") not in STATUSES:
        return f"{where}.status: expected right or wrong, found {attempt.get('status')!r}"
    if not isinstance(attempt.get("at"), str):
        return f"{where}.at: expected an ISO time, found {attempt.get('at')!r}"
    return None


def _is_time(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _plan_problem(plan: object, where: str) -> str | None:
    if not isinstance(plan, dict):
        return f"{where}: expected an object, found {type(plan).__name__}"
    start = plan.get("start")
    try:
        if not (isinstance(start, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", start)):
            raise ValueError
        date.fromisoformat(start)
    except ValueError:
        return f"{where}.start: expected a date YYYY-MM-DD, found {start!r}"
    hours = plan.get("hours")
    if not (isinstance(hours, int) and not isinstance(hours, bool) and 1 <= hours <= MAX_HOURS):
        return f"{where}.hours: expected whole hours a week from 1 to {MAX_HOURS}, found {hours!r}"
    return None


def _sections_problem(store: dict) -> str | None:
    """The journey's optional sections: tasks, skills and plans."""
    for name in ("tasks", "skills", "plans"):
        if name in store and not isinstance(store[name], dict):
            return f"{name}: expected an object, found {type(store[name]).__name__}"
    for role, ticked in store.get("tasks", {}).items():
        if not isinstance(ticked, dict):
            return f"tasks.{role}: expected an object, found {type(ticked).__name__}"
        for task, at in ticked.items():
            if not _is_time(at):
                return f"tasks.{role}.{task}: expected an ISO time, found {at!r}"
    for skill, at in store.get("skills", {}).items():
        if not _is_time(at):
            return f"skills.{skill}: expected an ISO time, found {at!r}"
    for role, plan in store.get("plans", {}).items():
        found = _plan_problem(plan, f"plans.{role}")
        if found:
            return found
    return None


def problem_of(store: object) -> str | None:
    """Why `store` is not a progress store this version can use, or None."""
    if not isinstance(store, dict):
        return f"expected a JSON object, found {type(store).__name__}"
    if store.get("format") != FORMAT:
        return f"expected format {FORMAT!r}, found {store.get('format')!r}"
    version = store.get("version")
    if version != VERSION or isinstance(version, bool):
        return f"expected version {VERSION}, found {version!r} (written by another version)"
    quizzes = store.get("quizzes")
    if not isinstance(quizzes, dict):
        return f"quizzes: expected an object, found {type(quizzes).__name__}"
    for role, entries in quizzes.items():
        if not isinstance(entries, dict):
            return f"quizzes.{role}: expected an object, found {type(entries).__name__}"
        for question_id, entry in entries.items():
            where = f"quizzes.{role}.{question_id}"
            if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
                return f"{where}: expected an object with a fingerprint, found {entry!r}"
            for attempt in ("first", "last"):
                found = _attempt_problem(entry.get(attempt), f"{where}.{attempt}")
                if found:
                    return found
    return _sections_problem(store)


def load_store(path: Path) -> dict:
    """The store in `path` (an empty one if there is no file yet); ProgressError if unusable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return empty_store()
    except (OSError, UnicodeDecodeError) as error:
        raise ProgressError(f"{path}: cannot read the progress file: {error}") from None
    try:
        store = json.loads(text)
    except json.JSONDecodeError as error:
        raise ProgressError(
            f"{path}:{error.lineno}:{error.colno}: not JSON ({error.msg}); "
            "the file was left unchanged"
        ) from None
    problem = problem_of(store)
    if problem:
        raise ProgressError(
            f"{path}: not a progress file this version of pathways can use: {problem}; "
            "the file was left unchanged"
        )
    return store


def save_store(path: Path, store: dict) -> None:
    """Write atomically: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(store, out, ensure_ascii=False, indent=1)
            out.write("\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def entry_of(store: dict, role: str, question: AnyQuestion) -> dict | None:
    """The saved entry for the question as it is now (None if none, or for an older version)."""
    entry = store["quizzes"].get(role, {}).get(question.id)
    if entry and entry["fingerprint"] == question.fingerprint:
        return entry
    return None


def record(store: dict, role: str, question: AnyQuestion, answer, status: str) -> bool:
    """Save a checked answer; True if it is the first (the scored one), False if practice."""
    attempt = {"answer": answer, "status": status, "at": now()}
    entry = entry_of(store, role, question)
    if entry is not None:
        entry["last"] = attempt
        return False
    store["quizzes"].setdefault(role, {})[question.id] = {
        "fingerprint": question.fingerprint,
        "first": attempt,
        "last": dict(attempt),
    }
    return True


def scored_verdicts(store: dict, quiz: Quiz) -> dict[str, Verdict]:
    """The first answers saved for the quiz's current questions, as verdicts."""
    verdicts = {}
    for question in quiz.questions:
        entry = entry_of(store, quiz.role, question)
        if entry is not None:
            verdicts[question.id] = Verdict(question.id, question.topic, entry["first"]["status"])
    return verdicts


# ------------------------------------------------------------------------------------ merging
# An imported file joined into the saved store, by the same rules as progress.js `mergeStores`
# (tests/progress_merge_cases.json is run against both). Times are compared as the ISO text both
# sides write (toISOString), as the browser compares them.


def _earlier(mine: dict | None, found: dict | None) -> dict | None:
    return mine if not found or (mine and mine["at"] <= found["at"]) else found


def _later(mine: dict | None, found: dict | None) -> dict | None:
    return mine if not found or (mine and mine["at"] >= found["at"]) else found


def merge_entry(mine: dict | None, found: dict) -> dict:
    """One question's two saved entries: the earliest first answer is scored, the latest last
    is shown; an entry for another version of the question (fingerprint) is replaced."""
    if not mine or mine["fingerprint"] != found["fingerprint"]:
        return found
    return {
        **mine,
        "first": _earlier(mine["first"], found["first"]),
        "last": _later(mine["last"], found["last"]),
    }


def merge_quiz(ours: dict, theirs: dict) -> dict:
    """Two saved states of one quiz, joined question by question."""
    return _join(ours, theirs, merge_entry)


def _join(ours: dict | None, theirs: dict | None, pick) -> dict:
    joined = dict(ours or {})
    for key, found in (theirs or {}).items():
        joined[key] = pick(joined.get(key), found)
    return joined


def _first_time(mine: str | None, found: str) -> str:
    return mine if mine and mine <= found else found


@dataclass(frozen=True)
class Merged:
    """The joined store, and how many entries the import added or changed, by section; `kept`
    counts roles whose own plan stayed although the file has another."""

    store: dict
    counts: dict[str, int]


def merge_stores(ours: dict, theirs: dict) -> Merged:
    """`theirs` (a checked store, e.g. an imported file) joined into `ours`: quiz answers as
    merge_quiz joins them, ticked tasks and marked skills as a union where the earliest time wins,
    and a study plan only for a role that has none. Keys this version does not know are kept,
    ours first."""
    counts = dict.fromkeys(("quizzes", "tasks", "skills", "plans", "kept"), 0)

    def counted(section: str, pick):
        def leaf(mine, found):
            value = pick(mine, found)
            counts[section] += value != mine
            return value

        return leaf

    def plan(mine, found):
        counts["kept"] += bool(mine) and mine != found
        return mine or found

    store = {
        **theirs,
        **ours,
        "quizzes": _join(
            ours["quizzes"], theirs["quizzes"],
            lambda mine, found: _join(mine, found, counted("quizzes", merge_entry)),
        ),
        "tasks": _join(
            ours.get("tasks"), theirs.get("tasks"),
            lambda mine, found: _join(mine, found, counted("tasks", _first_time)),
        ),
        "skills": _join(ours.get("skills"), theirs.get("skills"), counted("skills", _first_time)),
        "plans": _join(ours.get("plans"), theirs.get("plans"), counted("plans", plan)),
    }
    return Merged(store, counts)
