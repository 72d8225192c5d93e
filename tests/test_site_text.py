"""Reading the built site's files as text: every format gives up what a reader can see."""

from __future__ import annotations

import gzip
import json

from forening import privacy, site_text
from forening.site_text import chunks
from hypothesis import given
from hypothesis import strategies as st


def texts(rel: str, data: bytes) -> list[str]:
    found = chunks(rel, data)
    assert found is not None
    return [text for _, text in found]


def test_html_text_and_attributes_with_entities_decoded() -> None:
    # Python-Markdown writes <eva@example.se> with character references.
    html = '<p>Skriv till <a href="&#109;&#97;ilto:eva@example.se">&#101;va&#64;example.se</a></p>\n<meta content="070-123 45 67">'
    found = chunks("x/index.html", html.encode())
    assert found is not None
    assert (1, "mailto:eva@example.se") in found
    assert (1, "Skriv till eva@example.se") in found
    assert (2, "070-123 45 67") in found


def test_html_inline_elements_join_blocks_break() -> None:
    found = texts("index.html", b"<p>070-<b>123</b> 45 67</p><ul><li>0500</li><li>49 77 00</li></ul>")
    assert "070-123 45 67" in found
    assert "0500" in found and "49 77 00" in found


def test_svg_drawing_is_skipped_but_its_text_is_read() -> None:
    found = texts("index.html", b'<svg viewBox="0 0 24 24"><title>Ikon</title><path d="M092 456 456z"/></svg><img alt="bild">')
    assert found == ["Ikon", "bild"]


def test_json_strings_are_html_decoded() -> None:
    index = {"docs": [{"location": "a/", "text": "<p>eva&#64;example.se</p>"}]}
    assert "<p>eva@example.se</p>" in texts("search/search_index.json", json.dumps(index).encode())


def test_ics_is_unfolded_unescaped_and_uid_skipped() -> None:
    ics = "BEGIN:VEVENT\r\nUID:norra-2021-08-24@example.invalid\r\nDESCRIPTION:Ring 070-123\r\n  45 67\\, tack\r\nEND:VEVENT\r\n"
    found = chunks("kalender.ics", ics.encode())
    assert found == [(1, "BEGIN:VEVENT"), (3, "DESCRIPTION:Ring 070-123 45 67, tack"), (5, "END:VEVENT"), (6, "")]


def test_gzip_is_read_decompressed() -> None:
    assert "<loc>mailto:eva@example.se</loc>" in texts("sitemap.xml.gz", gzip.compress(b"<urlset><loc>mailto:eva@example.se</loc></urlset>"))[0]


def test_feeds_escaped_html_is_decoded_twice() -> None:
    atom = b"<content type='html'>&lt;p&gt;eva&amp;#64;example.se&lt;/p&gt;</content>"
    assert texts("feed.xml", atom) == ["<content type='html'><p>eva@example.se</p></content>"]


def test_pagefind_fragment_and_word_index() -> None:
    fragment = b"pagefind_dcd" + json.dumps({"url": "/a/", "content": "Ring 070-123 45 67"}).encode()
    assert "Ring 070-123 45 67" in texts("pagefind/fragment/sv_1.pf_fragment", gzip.compress(fragment))
    # CBOR: an array of two text strings, "07012" and "eva".
    cbor = b"pagefind_dcd" + bytes([0x82, 0x65]) + b"07012" + bytes([0x63]) + b"eva"
    assert texts("pagefind/index/sv_1.pf_index", gzip.compress(cbor)) == ["07012", "eva"]
    assert site_text.is_word_index("pagefind/index/sv_1.pf_index") and not site_text.is_word_index("pagefind/fragment/sv_1.pf_fragment")


def test_binary_files_are_not_text() -> None:
    assert chunks("assets/images/favicon.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") is None


def test_only_materials_bundle_has_links_that_are_code() -> None:
    assert site_text.links_are_code("assets/javascripts/bundle.a5f9d56c.min.js")
    for rel in ("assets/javascripts/pagefind-search.js", "pagefind/pagefind.js", "assets/catalogue.js", "index.html"):
        assert not site_text.links_are_code(rel), rel




def _cbor(value: object) -> bytes:
    """A minimal CBOR encoder for the test: ints, text, bytes, arrays, maps, a tag as ("tag", n, item)."""

    def head(major: int, arg: int) -> bytes:
        if arg < 24:
            return bytes([major << 5 | arg])
        size = 1 if arg < 256 else 2 if arg < 65536 else 4 if arg < 2**32 else 8
        return bytes([major << 5 | {1: 24, 2: 25, 4: 26, 8: 27}[size]]) + arg.to_bytes(size, "big")

    if isinstance(value, bool) or value is None:
        return bytes([0xF5 if value else 0xF6])
    if isinstance(value, int):
        return head(0, value) if value >= 0 else head(1, -1 - value)
    if isinstance(value, str):
        return head(3, len(value.encode())) + value.encode()
    if isinstance(value, bytes):
        return head(2, len(value)) + value
    if isinstance(value, tuple):
        return head(6, value[1]) + _cbor(value[2])
    if isinstance(value, dict):
        return head(5, len(value)) + b"".join(_cbor(k) + _cbor(v) for k, v in value.items())
    return head(4, len(value)) + b"".join(_cbor(item) for item in value)  # type: ignore[arg-type]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple):
        return _strings(value[2])
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


_ITEMS = st.recursive(
    st.integers(-(2**40), 2**40) | st.text(max_size=30) | st.binary(max_size=10) | st.booleans() | st.none(),
    lambda inner: st.lists(inner, max_size=30) | st.dictionaries(st.text(max_size=5), inner, max_size=5) | st.tuples(st.just("tag"), st.integers(0, 300), inner),
    max_leaves=60,
)


@given(_ITEMS)
def test_cbor_text_strings_in_order(value: object) -> None:
    data = _cbor(value)
    assert site_text._cbor_strings(data, 0) == (_strings(value), len(data))


# Pieces of HTML, well-formed and not, around the kinds of personal data the guard looks for.
_PIECES = [
    "<p>", "</p>", "<b>", "</b>", "<div>", "</div>", "<!-- x -->", "<?pi?>", "<span class='070-123 45 67'>", "</span>",
    "<br>", "<br/>", "<p/>", "<ul><li>", "</li></ul>", "<table><tr><td>", "</td></tr></table>", "<h1>", "</h1>",
    "070", "-", "123", " ", "45 67", "&#64;", "eva", "example.se", "@", "811218-9876", "<a href='mailto:a@b.se'>", "</a>",
    "<script>", "</script>", "<style>", "</style>", "<svg>", "</svg>", "<title>", "</title>", "&amp;", "<", ">", "&lt;",
    "&#x30;", "<![CDATA[", "]]>", "<head>", "</head>", "<body>", "<html>", "</html>", "\n", "<textarea>", "</textarea>",
    "<noscript>", "<template>", "<select><option>", "</option></select>", "<iframe>", "<object>", "<math>", "</math>",
    "<img alt='0701234567'>", "<!DOCTYPE html>", "<meta charset=utf-8>", "<a", "'", '"', "=", "/>",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.booleans())
def test_fast_html_reading_finds_all_that_html_parser_finds(pieces: list[str], in_page: bool) -> None:
    # html_chunks reads theme-shaped pages with libxml2 and anything else with html.parser;
    # whichever it picks, the guard must find at least what html.parser's reading holds.
    body = "".join(pieces)
    page = f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>\n" if in_page else body

    def found(chunks: list[site_text.Chunk]) -> set[tuple[str, str]]:
        return {(f.kind, f.text) for _, text in chunks for f in privacy.find(text)}

    assert found(site_text._html_chunks_slow(page)) <= found(site_text.html_chunks(page))
