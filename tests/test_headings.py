"""Heading anchors: exactly the ids MkDocs writes, proven against Python-Markdown and the built site."""

from __future__ import annotations

import html
from pathlib import Path

import markdown
from bs4 import BeautifulSoup
from conftest import ROOT, mkdocs_build
from forening.headings import headings
from hypothesis import given, settings
from hypothesis import strategies as st

# Blocks of the kinds minutes are written with, including awkward ones. Minutes
# separate blocks with blank lines; lazy continuation lines inside lists and
# quotes are not modelled (the build's anchor check reports any such heading).
BLOCKS = [
    "Löptext om Cresco.",
    "## 1. Välkommen",
    "## 7. Övrigt",
    "### Övrigt",
    "# Rubrik",
    "## Nästa möte",
    "#### Hur ser ni på detta förslag?",
    "## Övrigt {#egen}",
    "## **Fet** och [länk](https://example.invalid) och `kod`",
    "## Cresco & Co ##",
    '## 7. "Språksvaga" – 50 % (ny) / del 2 ##',
    "####### sju",
    "#utan-mellanslag",
    "Setext-rubrik\n-------------",
    "Stor rubrik\n===",
    "Stycke\n## Rubrik direkt efter stycke",
    "## Rubrik\nmed text direkt under",
    "Två rader\ni ett stycke\n---",
    "- punkt\n- punkt två",
    "1. numrerad punkt",
    "    indragen rad",
    "    ## indragen rubrik",
    "> ## citerad rubrik",
    "---",
    "* * *",
    "  ## två blanksteg",
]


def markdown_ids(body: str) -> list[tuple[str, str]]:
    """What Python-Markdown's toc itself gives the whole body: (id, name) in order."""
    md = markdown.Markdown(extensions=["toc", "attr_list"])
    md.convert(body)
    flat: list[tuple[str, str]] = []

    def walk(tokens: list[dict]) -> None:
        for token in tokens:
            flat.append((token["id"], token["name"]))
            walk(token["children"])

    walk(md.toc_tokens)  # type: ignore[attr-defined]
    return flat


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(BLOCKS), max_size=14))
def test_anchors_equal_python_markdowns_own(blocks: list[str]) -> None:
    body = "\n\n".join(blocks) + "\n"
    expected = [(anchor, html.unescape(name)) for anchor, name in markdown_ids(body)]
    assert [(h.anchor, h.text) for h in headings(body)] == expected


def test_repeated_headings_get_numbered_suffixes() -> None:
    body = "## Övrigt\n\ntext\n\n## Övrigt\n\n### Övrigt\n\n## Nästa möte\n"
    assert [(h.line, h.level, h.anchor) for h in headings(body)] == [
        (0, 2, "ovrigt"),
        (4, 2, "ovrigt_1"),
        (6, 3, "ovrigt_2"),
        (8, 2, "nasta-mote"),
    ]


def test_heading_line_and_text() -> None:
    body = "Inledning.\n\nSetext\n------\n\n## 4. Cresco **Creare**\n"
    assert [(h.line, h.level, h.text) for h in headings(body)] == [(2, 2, "Setext"), (5, 2, "4. Cresco Creare")]


def test_code_blocks_hold_no_headings() -> None:
    assert headings("Text.\n\n    ## kod\n") == []


def built_ids(html_path: Path) -> list[tuple[str, str]]:
    """(id, text) of every heading that MkDocs' toc gave an id, in page order.

    Only headings written in Markdown get a permalink (`a.headerlink`); the page's
    own HTML headings (header, footer) have none.
    """
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "lxml")
    result = []
    for tag in soup.select("article :is(h1, h2, h3, h4, h5, h6):has(> a.headerlink)"):
        link = tag.select_one("a.headerlink")
        assert link is not None and link["href"] == f"#{tag['id']}"
        link.decompose()
        result.append((tag["id"], tag.get_text().strip()))
    return result


def body_of(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[1]


def test_every_seed_minutes_heading_anchor_exists_in_the_built_page(site: Path) -> None:
    minutes = sorted((ROOT / "minutes").glob("*/*.md"))
    assert minutes
    for path in minutes:
        ids = built_ids(site / "minnesanteckningar" / path.parent.name / path.stem / "index.html")
        computed = [(h.anchor, h.text) for h in headings(body_of(path))]
        assert computed, path
        assert ids == computed, path


def test_page_html_headings_do_not_shift_body_anchors(project_copy: Path, tmp_path: Path) -> None:
    """The header's and footer's ids are raw HTML: the body keeps its plain ids, and none collide."""
    path = project_copy / "minutes" / "norra" / "2021-05-05.md"
    extra = "\n## Nästa möte\n\nFixtur.\n\n## Rubrik\n\n## 7. Övrigt\n\nA line\n---\n"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    ids = built_ids(tmp_path / "out" / "minnesanteckningar" / "norra" / "2021-05-05" / "index.html")
    computed = [(h.anchor, h.text) for h in headings(body_of(path))]
    assert computed[-4:] == [("nasta-mote", "Nästa möte"), ("rubrik", "Rubrik"), ("7-ovrigt_1", "7. Övrigt"), ("a-line", "A line")]
    assert ids == computed
    # Body headings "Nästa möte" and "Rubrik" do not collide with the page's own ids.
    soup = BeautifulSoup((tmp_path / "out/minnesanteckningar/norra/2021-05-05/index.html").read_text(encoding="utf-8"), "lxml")
    all_ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(all_ids) == len(set(all_ids)), "duplicate ids on the page"
    assert soup.find(id="nasta-mote").find("a", class_="headerlink") is not None
    assert soup.find(id="fm--nasta-mote") is not None and soup.find(id="fm--rubrik").name == "h1"
