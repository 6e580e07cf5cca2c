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
                    "how_it_transfers": "Serving.",
                },
            ],
            "skills_to_learn": [
                {
                    "id": "tensor-things",
                    "name": "Tensor Things",
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
