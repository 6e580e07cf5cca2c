"""The one audited Markdown filter and the escaping of data text."""

from __future__ import annotations

import pytest
from conftest import ROOT

from macros.render import front_matter_text, heading_text, markdown_html


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:x",
        "mailto:a@b.c",
        "data:text/html,1",
        "vbscript:x",
        "file:///etc/passwd",
        "relative/page.html",
    ],
)
def test_only_http_links_become_links(link):
    html = str(markdown_html(f"[text]({link})"))
    assert "<a " not in html and "text" in html


def test_http_links_and_in_page_anchors_are_kept():
    assert '<a href="https://example.org/x">a</a>' in str(
        markdown_html("[a](https://example.org/x)")
    )
    assert '<a href="#q1">b</a>' in str(markdown_html("[b](#q1)"))


def test_raw_html_is_shown_as_text_and_code_blocks_survive():
    html = str(markdown_html("<img src=x onerror=alert(1)>\n\n```python\nprint('<b>')\n```"))
    assert "<img" not in html and "&lt;img" in html
    assert "<pre><code class=\"language-python\">print('&lt;b&gt;')" in html


def test_heading_text_escapes_html_and_markdown():
    assert str(heading_text("A <b>*bold*</b> {x}")) == r"A &lt;b&gt;\*bold\*&lt;/b&gt; \{x\}"


def test_front_matter_text_is_inert_for_the_theme_and_for_macros():
    assert front_matter_text('<script>"x"</script> {{ 7*7 }}') == (
        "&lt;script&gt;&#34;x&#34;&lt;/script&gt; &#123;&#123; 7*7 &#125;&#125;"
    )


def test_a_fingerprint_follows_the_options_but_not_their_order_in_the_file():
    from factories import quiz_data

    from macros.models import SingleChoice

    data = quiz_data()["questions"][0]
    question = SingleChoice.model_validate(data)
    reordered = SingleChoice.model_validate({**data, "options": data["options"][::-1]})
    reworded = SingleChoice.model_validate(
        {**data, "options": [{**data["options"][0], "text": "A, reworded"}, *data["options"][1:]]}
    )
    assert reordered.fingerprint == question.fingerprint
    assert reworded.fingerprint != question.fingerprint


def test_options_are_lettered_in_the_order_shown():
    from factories import quiz_data

    from macros.cues import shown_order
    from macros.grading import option_id
    from macros.models import MultipleChoice
    from macros.render import shown_options

    question = MultipleChoice.model_validate(quiz_data()["questions"][1])
    shown = shown_options(question)
    order = shown_order(question.id, len(question.options))
    assert [o.text for o in shown] == [question.options[i].text for i in order]
    assert [o.letter for o in shown] == ["a", "b", "c"][: len(shown)]
    assert [o.id for o in shown] == [option_id(question.options[i].text) for i in order]


def test_plain_inline_text_renders_exactly_as_markdown_it_renders_it():
    """markdown_inline skips the parser for text with no Markdown in it: the shortcut must give
    markdown-it's own output for any text, Markdown or not, including every option in the data."""
    import random

    from macros.catalog import load_catalog
    from macros.render import _INLINE_MARKUP, _markdown, markdown_inline

    alphabet = "ab Z09 \t'\"#>-+.)=:|~$%@^{}()/?;,é→\\`*_[]!<&\n\r"
    rng = random.Random(20261128)
    texts = ["".join(rng.choices(alphabet, k=rng.randint(1, 12))) for _ in range(3000)]
    catalog = load_catalog(ROOT)
    questions = [question for quiz in catalog.quizzes.values() for question in quiz.questions]
    texts += [option.text for question in questions for option in getattr(question, "options", [])]
    texts += ["trailing  ", "  leading", "tab\tin", "a \"quote\" and 'apostrophe'", "x > y - 1 # z"]
    assert sum(_INLINE_MARKUP.search(t) is None for t in texts) > 500  # the shortcut is taken
    for text in texts:
        assert str(markdown_inline(text)) == _markdown.renderInline(text), repr(text)


def test_one_paragraph_renders_exactly_as_markdown_it_renders_it():
    """markdown_html skips the block parser for text that can only be one paragraph: the
    shortcut must give markdown-it's own output for any text, including every prompt and
    explanation in the data."""
    import random

    from macros.catalog import load_catalog
    from macros.render import _NOT_PARAGRAPH_LINE, _markdown, markdown_html

    words = ["word", "Two", "x2", "é→", "`code`", "*em*", "_u_", "[l](https://a.b)", "&amp;", "<b>"]
    marks = ["\n", "\n", "\n\n", "\n    ", "\n  ", "  \n", " \t", "\t", "\r\n", "\x00", "\xa0"]
    starts = ["- ", "* ", "+ ", "1. ", "2) ", "10.", "> ", "```", "~~~", "---", "***", "___", "= "]
    starts += ["[a]: https://a.b", "# ", "| ", "    ", "\\", "<div>", "12 GB", "3.5", "-1"]
    rng = random.Random(20261129)
    texts = []
    for _ in range(3000):
        pieces = []
        for _ in range(rng.randint(1, 14)):
            pieces.append(rng.choice(words))
            pieces.append(rng.choice([" ", " ", " ", *marks]))
            if pieces[-1].startswith(("\n", "\r")) and rng.random() < 0.3:
                pieces.append(rng.choice(starts))
        texts.append("".join(pieces))
    catalog = load_catalog(ROOT)
    for question in (q for quiz in catalog.quizzes.values() for q in quiz.questions):
        texts += [question.prompt, question.explanation]
    taken = sum(
        bool(t) and not t[0].isspace() and _NOT_PARAGRAPH_LINE.search(t.rstrip()) is None
        for t in texts
    )
    assert taken > 500  # the shortcut is what is being compared
    assert taken < len(texts) - 800  # and so is the way around it
    for text in texts:
        assert str(markdown_html(text)) == _markdown.render(text), repr(text)


def test_a_heading_in_data_text_stays_text():
    html = str(markdown_html("# Not a heading\n\nUnderlined\n---\n\nText"))
    assert "<h1>" not in html and "<h2>" not in html
    assert "<p># Not a heading</p>" in html
