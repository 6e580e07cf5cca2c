"""Valid data written inside tests: a pathway and a quiz with every field present."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml


def pathway_data(role: str = "example-role", target: str = "Example Engineer") -> dict:
    return copy.deepcopy(
        {
            "role": role,
            "source_role": "Backend Developer",
            "target_role": target,
            "suits": "example work",
            "headline": "A short promise of the guide.",
            "headline_months": 6,
            "summary": f"How a backend developer becomes an {target}.",
            "difficulty": "Moderate",
            "timeline": {"min_months": 6, "max_months": 9},
            "salary_change": {"low": 40, "high": 40},
            "demand": "High.",
            "overview": ["First paragraph.", "Second paragraph."],
            "transferable_skills": [
                {
                    "id": "api-development",
                    "name": "API Development",
                    "counts_as": ["api-development"],
                    "how_it_transfers": "Serving.",
                },
            ],
            "skills_to_learn": [
                {
                    "id": "tensor-things",
                    "name": "Tensor Things",
                    "counts_as": ["deep-learning"],
                    "priority": "Critical",
                    "weeks": 6,
                    "study": "Study tensors.",
                    "resources": [
                        {"name": "A Book", "type": "book", "url": "https://example.org/b"}
                    ],
                },
                {
                    "id": "unstated-skill",
                    "name": "Unstated Skill",
                    "counts_as": ["research-papers"],
                    "priority": None,
                    "weeks": None,
                    "study": "Study more.",
                    "resources": [
                        {"name": "A Course", "type": "course", "url": "https://example.org/c"}
                    ],
                },
            ],
            "roadmap": [
                {
                    "name": "Phase A",
                    "weeks": 4,
                    "tasks": ["Task one."],
                    "resources": [
                        {"name": "R1", "type": "documentation", "url": "https://example.org/r"}
                    ],
                },
                {"name": "Phase B", "weeks": 6, "tasks": ["Task two."], "resources": []},
            ],
            "reality_check": {"love": ["Love."], "miss": ["Miss."], "challenges": ["Hard."]},
            "action_plan": {"this_week": ["W."], "this_month": ["M."], "next_90_days": ["Q."]},
            "salary": {
                "backend": {"min_k": 85, "max_k": 140},
                "target": {"min_k": 130, "max_k": 220},
                "stated_increase": {"low": 30, "high": 50},
                "notes": ["Depends on location."],
            },
        }
    )


def quiz_data(role: str = "example-role") -> dict:
    reference = {"title": "Docs", "url": "https://example.org/docs"}
    common = {
        "topic": "tensor-things",
        "difficulty": "easy",
        "explanation": "Because.",
        "reference": reference,
    }
    data = copy.deepcopy(
        {
            "role": role,
            "title": "Example quiz",
            "description": "A quiz written inside a test.",
            "questions": [
                {
                    "id": f"{role}-single",
                    "type": "single",
                    "prompt": "Pick B.",
                    "options": [{"text": "A"}, {"text": "B", "correct": True}, {"text": "C"}],
                    **common,
                },
                {
                    "id": f"{role}-multiple",
                    "type": "multiple",
                    "prompt": "Pick A and C.",
                    "options": [
                        {"text": "A", "correct": True},
                        {"text": "B"},
                        {"text": "C", "correct": True},
                    ],
                    **common,
                },
                {
                    "id": f"{role}-numeric",
                    "type": "numeric",
                    "prompt": "Two plus two?",
                    "answer": {"value": 4, "tolerance": 0.5, "unit": "apples"},
                    "compute": "result = 2 + 2",
                    **common,
                },
                {
                    "id": f"{role}-code",
                    "type": "code-output",
                    "prompt": "What does this print?",
                    "code": "print(sum(range(4)))",
                    "output": "6",
                    **common,
                },
            ],
        }
    )
    for question in data["questions"]:  # no shared objects, so a YAML dump has no anchors
        question["reference"] = dict(reference)
    return data


def write_yaml(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def pathway_with_skills(pathway: dict, count: int) -> dict:
    """`pathway` with skills to learn added until it has `count` of them."""
    pathway = copy.deepcopy(pathway)
    skills = pathway["skills_to_learn"]
    while len(skills) < count:
        number = len(skills) + 1
        skills.append(
            {
                "id": f"extra-skill-{number}",
                "name": f"Extra Skill {number}",
                "counts_as": ["mlops"],
                "priority": "Important",
                "weeks": 2,
                "study": "Study it.",
                "resources": [
                    {"name": f"Extra Book {number}", "type": "book", "url": "https://example.org/x"}
                ],
            }
        )
    return pathway


def _question(role: str, number: int, topic: str) -> dict:
    """A question whose key is plain arithmetic; two in three are executable."""
    common = {
        "id": f"{role}-generated-{number}",
        "topic": topic,
        "difficulty": "medium",
        "explanation": "Arithmetic.",
        "reference": {"title": "Python docs", "url": "https://docs.python.org/3/"},
    }
    match number % 3:
        case 0:
            return {
                **common,
                "type": "code-output",
                "prompt": "What does this print?",
                "code": f"print({number} * 3)",
                "output": str(number * 3),
            }
        case 1:
            return {
                **common,
                "type": "numeric",
                "prompt": f"What is {number} + 0.5?",
                "answer": {"value": number + 0.5, "tolerance": 0, "unit": ""},
                "compute": f"result = {number} + 0.5",
            }
        case _:
            return {
                **common,
                "type": "single",
                "prompt": f"Pick {number + 1}.",
                "options": [
                    {"text": str(number)},
                    {"text": str(number + 1), "correct": True},
                    {"text": str(number + 2)},
                ],
            }


def quiz_meeting_minimums(pathway: dict, quiz: dict) -> dict:
    """`quiz` grown to the minimums of macros/rules.py, its new questions spread over every skill
    to learn of `pathway` (give it enough skills with pathway_with_skills)."""
    from macros.rules import MIN_EXECUTABLE, MIN_QUESTIONS

    quiz = copy.deepcopy(quiz)
    topics = [skill["id"] for skill in pathway["skills_to_learn"]]
    questions = quiz["questions"]

    def executable() -> int:
        return sum(q["type"] == "code-output" or bool(q.get("compute")) for q in questions)

    number = 0
    while len(questions) < MIN_QUESTIONS or executable() < MIN_EXECUTABLE or number < len(topics):
        questions.append(_question(quiz["role"], number, topics[number % len(topics)]))
        number += 1
    return quiz


def complete_pathway_and_quiz(role: str, target: str) -> tuple[dict, dict]:
    """A pathway and a quiz that pass `pathways validate`: the quiz meets every minimum."""
    from macros.rules import MIN_TOPICS

    pathway = pathway_with_skills(pathway_data(role, target), MIN_TOPICS)
    return pathway, quiz_meeting_minimums(pathway, quiz_data(role))
