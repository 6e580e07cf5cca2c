"""No answer cues, no near-duplicates: the quizzes measure knowledge, not test-wiseness.

For every quiz, each test-wise strategy of `macros.cues` (pick the longest, shortest, first or
last shown; for several keys the first k, the k longest, all long ones) may beat blind guessing by
at most `cues.MARGIN` on the order as shown. And no two questions, in one quiz or across quizzes,
ask the same thing in nearly the same words.
"""

from __future__ import annotations

import json
import re
from itertools import combinations

import pytest
from conftest import ROOT

from macros import cues
from macros.answers import tokens
from macros.catalog import load_catalog
from macros.models import CodeOutput, MultipleChoice, Numeric, SingleChoice

CATALOG = load_catalog(ROOT)
QUESTIONS = [q for quiz in CATALOG.quizzes.values() for q in quiz.questions]


@pytest.mark.parametrize("role", list(CATALOG.quizzes))
def test_no_guessing_strategy_beats_chance(role):
    failing = [score for score in cues.cue_report(CATALOG.quiz(role)) if not score.passes]
    assert failing == [], "\n".join(
        f"{role}: '{s.name}' ({s.kind} choice) scores {s.score:.1%} where chance is "
        f"{s.chance:.1%} (allowed: chance + {cues.MARGIN:.0%}); it picks the key in: "
        f"{', '.join(s.hits)}"
        for s in failing
    )


# ------------------------------------------------------------------------------ near-duplicates

# Words that say nothing about what a question asks.
STOPWORDS = frozenset(
    re.findall(
        r"\w+",
        "a an the of to in on for and or is are be by with as at it its this that which what how "
        "does do why when from into than then there their these those not no all any each one "
        "two you your can will would should if",
    )
)
# Calibrated on tests/near_duplicate_pairs.json (the data before the rewrite): restated pairs
# scored 0.42 to 0.61 on prompt and key, or 0.6 to 1.0 on the key alone; the closest distinct
# pairs 0.38 and 0.5.
PROMPT_AND_KEY = 0.4
KEY_ALONE = 0.55
PAIRS = json.loads((ROOT / "tests" / "near_duplicate_pairs.json").read_text(encoding="utf-8"))


def about(question) -> dict:
    """What a question asks and answers, as text."""
    if isinstance(question, SingleChoice | MultipleChoice):
        key = " ".join(o.text for o in question.options if o.correct)
    elif isinstance(question, Numeric):
        key = f"{question.answer.value:g} {question.answer.unit}"
    else:
        key = question.output
    found = {"id": question.id, "prompt": question.prompt, "key": key}
    if isinstance(question, CodeOutput):
        found["output"] = question.output
    return found


def words(text: str, shortest: int = 2) -> frozenset[str]:
    found = re.findall(r"[a-z0-9]+(?:[._-][a-z0-9]+)*", text.lower())
    return frozenset(w for w in found if w not in STOPWORDS and len(w) >= shortest)


def jaccard(left: frozenset, right: frozenset) -> float:
    return len(left & right) / len(left | right) if left | right else 0.0


def restated(a: dict, b: dict) -> bool:
    """Whether two questions ask the same thing. Two code-output questions are compared by what
    they print (their prompts are often the same "What does this print?"), others by the words
    of prompt and key, and by the key alone where it says enough (three words or more)."""
    if "output" in a and "output" in b:
        printed = tokens(a["output"])
        return printed == tokens(b["output"]) and sum(t.isalnum() for t in printed) >= 3
    both = jaccard(words(a["prompt"] + " " + a["key"]), words(b["prompt"] + " " + b["key"]))
    keys = words(a["key"], shortest=1), words(b["key"], shortest=1)  # in a key, "2" says a lot
    key_alone = jaccard(*keys) if min(map(len, keys)) >= 3 else 0.0
    return both >= PROMPT_AND_KEY or key_alone >= KEY_ALONE


@pytest.mark.parametrize("pair", PAIRS["same"], ids=lambda p: f"{p[0]['id']}~{p[1]['id']}")
def test_the_measure_flags_a_question_restated(pair):
    assert restated(*pair)


@pytest.mark.parametrize("pair", PAIRS["distinct"], ids=lambda p: f"{p[0]['id']}~{p[1]['id']}")
def test_the_measure_leaves_distinct_questions_alone(pair):
    assert not restated(*pair)


def test_code_questions_that_share_only_their_prompt_are_distinct():
    def code(output: str) -> dict:
        return {"id": output, "prompt": "What does this print?", "key": output, "output": output}

    assert not restated(code("True"), code("True"))  # too short to say it is the same fact
    assert not restated(code("[1.0, 3.0]"), code("[6.7082, 2.2361]"))
    assert restated(code("65504.0 inf 0.0"), code("65504.0  inf 0.0"))
    real = [about(q) for q in QUESTIONS if isinstance(q, CodeOutput)]
    assert not any(
        restated(a, b)
        for a, b in combinations(real, 2)
        if a["prompt"] == b["prompt"] and tokens(a["output"]) != tokens(b["output"])
    )


def test_no_near_duplicate_questions_within_or_across_quizzes():
    everything = [about(q) for q in QUESTIONS]
    found = [(a["id"], b["id"]) for a, b in combinations(everything, 2) if restated(a, b)]
    assert found == [], "questions that ask the same thing (rewrite or remove one):\n" + "\n".join(
        f"  {a} ~ {b}" for a, b in found
    )
