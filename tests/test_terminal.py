"""`pathways quiz` through a real pseudo-terminal, as a learner's terminal runs it."""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from conftest import example_project
from factories import quiz_data
from test_cli import typed_key, wrong_letter

from macros.models import Quiz

PATHWAYS = Path(sys.executable).parent / "pathways"
WIDTH = 64
SGR = re.compile(r"\x1b\[([0-9;]*)m")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)")

EXPLANATION = (
    "The first paragraph was written with hard line breaks, as a YAML block keeps them:\n"
    "a terminal runner must join\nthese lines and reflow the words to the width of the\n"
    "terminal, so that no line is left with one or two words. It also renders **static**\n"
    "shapes in bold and `torch.compile` as code, without the Markdown markers showing.\n"
    "\nA second paragraph."
)


def run_in_pty(args: list[str], lines: list[str], env: dict, timeout: float = 90) -> str:
    """Run `pathways ARGS` on a pseudo-terminal of WIDTH columns, type `lines`, return what the
    terminal shows (carriage returns dropped). Reading is bounded: no hang, ever."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, WIDTH, 0, 0))
    clean = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    process = subprocess.Popen(
        [str(PATHWAYS), *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**clean, "TERM": "xterm-256color", **env},
        start_new_session=True,
    )
    os.close(slave)
    os.write(master, ("\n".join(lines) + "\n").encode())
    output = b""
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: the program ended and closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
            elif process.poll() is not None:
                break
        else:
            pytest.fail(f"pathways did not finish within {timeout} s:\n{output.decode()[-2000:]}")
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        os.close(master)
    return output.decode("utf-8", "replace").replace("\r", "")


def edited_quiz() -> dict:
    quiz = quiz_data()
    quiz["questions"][0]["explanation"] = EXPLANATION
    quiz["questions"][2]["prompt"] = "How many **apples**?\n\n```python\nprint(2 + 2)\n```"
    return quiz


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return example_project(tmp_path_factory.mktemp("terminal"), quiz=edited_quiz())


@pytest.fixture(scope="module")
def answers() -> list[str]:
    """The first question answered wrongly, the others with their keys."""
    questions = Quiz.model_validate(edited_quiz()).questions
    return [wrong_letter(questions[0])] + [typed_key(q) for q in questions[1:]]


@pytest.fixture(scope="module")
def coloured(project, answers) -> str:
    return run_in_pty(["--root", str(project), "quiz", "example-role"], answers, {})


@pytest.fixture(scope="module")
def plain(project, answers) -> str:
    return run_in_pty(["--root", str(project), "quiz", "example-role"], answers, {"NO_COLOR": "1"})


def colour_codes(text: str) -> list[str]:
    found = []
    for match in SGR.finditer(text):
        params = [p for p in match.group(1).split(";") if p]
        if any(p in ("38", "48") or 30 <= int(p) <= 49 or 90 <= int(p) <= 107 for p in params):
            found.append(match.group(0))
    return found


def test_explanations_are_reflowed_to_the_terminal_width(plain):
    lines = [line.rstrip() for line in ANSI.sub("", plain).splitlines()]
    start = next(i for i, line in enumerate(lines) if "The first paragraph was" in line)
    paragraph = []
    for line in lines[start:]:
        if not line.strip():
            break
        paragraph.append(line)
    assert len(paragraph) >= 4
    assert all(len(line) <= WIDTH for line in paragraph), paragraph
    for line, following in zip(paragraph, paragraph[1:], strict=False):
        # Greedy wrapping: the next line's first word would not have fitted on this one.
        assert len(line) + 1 + len(following.split()[0]) > WIDTH, paragraph
    text = " ".join(line.strip() for line in paragraph)
    assert "a terminal runner must join these lines and reflow the words" in text


def test_markdown_is_rendered_not_shown_raw(plain, coloured):
    for output in (plain, coloured):
        visible = ANSI.sub("", output)
        assert "**" not in visible and "`torch.compile`" not in visible
        assert "renders static shapes in bold and torch.compile as code" in " ".join(
            visible.split()
        )
        assert "```" not in visible and "print(2 + 2)" in visible
    assert "\x1b[1m" in coloured  # bold is drawn as bold


def test_results_are_marked_in_words_and_symbols_and_skills_by_name(plain):
    plain = ANSI.sub("", plain)
    assert "✗ Not quite. The answer: " in plain
    assert plain.count("✓ Correct.") == 3
    assert "Topic: Tensor Things" in plain and "Topic: tensor-things" not in plain


def test_the_score_and_breakdown_are_a_table(plain):
    visible = ANSI.sub("", plain)
    assert "Score: 3 of 4 correct (75%)" in visible
    header = next(line for line in visible.splitlines() if "Topic" in line and "Correct" in line)
    assert "Answered" in header and header.strip()[0] in "┃│|"
    row = next(line for line in visible.splitlines() if "Tensor Things" in line and "of" in line)
    assert "3 of 4" in row and "4 of 4" in row


def test_no_color_gives_no_colour_codes_and_a_colour_terminal_gets_them(plain, coloured):
    assert colour_codes(plain) == []
    assert colour_codes(coloured) != []
