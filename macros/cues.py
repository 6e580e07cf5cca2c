"""Test-wise guessing strategies, scored on the order in which options are shown.

A self-check is only worth its score if a learner who knows nothing cannot beat chance by a rule of
thumb: pick the longest option, the shortest, the first or the last shown; for a question with
several keys, pick the first k shown, the k longest, or every option longer than average. Each
strategy is scored over a quiz's choice questions and compared with blind guessing of the same
kind; `cue_report` lists them, and the test suite fails a quiz where one beats chance by more than
`MARGIN`.

Run `python -m macros.cues` for the table of every quiz.
"""

from __future__ import annotations

import hashlib
import random
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from math import comb

from .models import MultipleChoice, Quiz, SingleChoice

MARGIN = 0.10  # a strategy may beat chance by at most ten percentage points

_MARKUP = re.compile(r"[`*_]")


def shown_order(question_id: str, count: int) -> list[int]:
    """The file positions of a question's options in the order they are shown.

    A shuffle seeded by the question id: the same on every load, in the browser and the terminal,
    and independent of where the question sits in its quiz.
    """
    seed = int.from_bytes(hashlib.sha256(question_id.encode("utf-8")).digest()[:8], "big")
    order = list(range(count))
    random.Random(seed).shuffle(order)
    return order


def visible_length(text: str) -> int:
    """An option's length as a reader sees it (Markdown markers do not count)."""
    return len(_MARKUP.sub("", text).strip())


@dataclass(frozen=True)
class Shown:
    """A choice question as the learner sees it: option lengths in shown order, and the keys."""

    id: str
    lengths: tuple[int, ...]
    keys: frozenset[int]  # positions in shown order

    @property
    def count(self) -> int:
        return len(self.lengths)


def shown(question: SingleChoice | MultipleChoice) -> Shown:
    order = shown_order(question.id, len(question.options))
    options = [question.options[i] for i in order]
    return Shown(
        question.id,
        tuple(visible_length(o.text) for o in options),
        frozenset(pos for pos, o in enumerate(options) if o.correct),
    )


# A strategy gives, for one question, the probability that it picks exactly the keys.
Strategy = Callable[[Shown], float]


def _extreme(pick: Callable[[Sequence[int]], int]) -> Strategy:
    def strategy(q: Shown) -> float:
        best = pick(q.lengths)
        tied = [pos for pos, length in enumerate(q.lengths) if length == best]
        return sum(pos in q.keys for pos in tied) / len(tied)  # a tie is a coin toss

    return strategy


def _first_k(k: int) -> Strategy:
    return lambda q: float(frozenset(range(k)) == q.keys)


def _longest_k(k: int) -> Strategy:
    def strategy(q: Shown) -> float:
        ranked = sorted(range(q.count), key=lambda pos: -q.lengths[pos])
        if k < q.count and q.lengths[ranked[k - 1]] == q.lengths[ranked[k]]:
            return 0.0  # no clear k longest: the strategy cannot be followed
        return float(frozenset(ranked[:k]) == q.keys)

    return strategy


def _all_long(q: Shown) -> float:
    mean = sum(q.lengths) / q.count
    return float(frozenset(pos for pos, n in enumerate(q.lengths) if n > mean) == q.keys)


def _blind_single(q: Shown) -> float:
    return 1 / q.count


def _blind_k(k: int) -> Strategy:
    return lambda q: (len(q.keys) == k) / comb(q.count, k) if k <= q.count else 0.0


def _blind_subset(q: Shown) -> float:
    return 1 / (2**q.count - 2)  # the keys are never none and never all of the options


@dataclass(frozen=True)
class StrategyScore:
    name: str
    kind: str  # "single" or "multiple"
    score: float  # mean over the quiz's questions of that kind
    chance: float  # blind guessing of the same shape
    hits: list[str] = field(default_factory=list)  # ids of the questions it gets right

    @property
    def passes(self) -> bool:
        return self.score <= self.chance + MARGIN + 1e-9

    def describe(self) -> str:
        verdict = "ok" if self.passes else "CUE"
        return (
            f"{self.kind:8} {self.name:22} {self.score:6.1%}  chance {self.chance:6.1%}  {verdict}"
        )


def _score(name: str, kind: str, items: list[Shown], strategy: Strategy, blind: Strategy):
    results = [strategy(q) for q in items]
    return StrategyScore(
        name,
        kind,
        sum(results) / len(items),
        sum(blind(q) for q in items) / len(items),
        [q.id for q, r in zip(items, results, strict=True) if r > 0],
    )


def cue_report(quiz: Quiz) -> list[StrategyScore]:
    """Every test-wise strategy's score on the quiz as shown, beside blind guessing."""
    singles = [shown(q) for q in quiz.questions if isinstance(q, SingleChoice)]
    multiples = [shown(q) for q in quiz.questions if isinstance(q, MultipleChoice)]
    report: list[StrategyScore] = []
    if singles:
        for name, strategy in (
            ("longest", _extreme(max)),
            ("shortest", _extreme(min)),
            ("first shown", _first_k(1)),
            ("last shown", lambda q: float(q.keys == {q.count - 1})),
        ):
            report.append(_score(name, "single", singles, strategy, _blind_single))
    if multiples:
        largest = max(q.count for q in multiples)
        for k in range(1, largest):
            report.append(_score(f"first {k} shown", "multiple", multiples, _first_k(k),
                                 _blind_k(k)))
            report.append(_score(f"{k} longest", "multiple", multiples, _longest_k(k),
                                 _blind_k(k)))
        report.append(_score("all longer than mean", "multiple", multiples, _all_long,
                             _blind_subset))
    return report


def main(argv: list[str] | None = None) -> int:
    from pathlib import Path

    from .catalog import load_catalog

    catalog = load_catalog(Path.cwd())
    wanted = set(argv if argv is not None else sys.argv[1:])
    failed = False
    for role, quiz in catalog.quizzes.items():
        if wanted and role not in wanted:
            continue
        print(f"{role}:")
        for line in cue_report(quiz):
            failed |= not line.passes
            print("  " + line.describe() + ("" if line.passes else f"  {', '.join(line.hits)}"))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
