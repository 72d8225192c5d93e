"""Check that every internal link and anchor of a built site resolves.

    python scripts/linkcheck.py [SITE_DIR] [--site-url URL]

Reads every HTML page under SITE_DIR (default: site/) and follows every href, src
and srcset: the target file must exist in the site (a folder URL means its
index.html) and a #fragment must be an id (or <a name>) on the target page. Links
under the site's own address (the canonical links Material writes) count as
internal; other addresses are listed, not fetched. MkDocs checks links written in
Markdown, but not the raw-HTML links of generated pages: this covers both.
Exit code: 0 when nothing is broken, 1 otherwise.
"""

from __future__ import annotations

import argparse
import posixpath
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
URL_ATTRIBUTES = ("href", "src", "poster", "data")


@dataclass(frozen=True, order=True)
class Broken:
    page: str  # site-relative path of the page holding the link
    line: int
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.url}: {self.reason}"


@dataclass
class Report:
    broken: list[Broken] = field(default_factory=list)
    external: set[str] = field(default_factory=set)
    links: int = 0  # internal links checked
    anchors: int = 0  # of which with a #fragment checked against the target page


@dataclass
class _Page:
    ids: set[str]
    links: list[tuple[int, str]]  # (line, url)


def _read(path: Path) -> _Page:
    try:
        root = lxml.html.document_fromstring(path.read_bytes())
    except (etree.ParserError, ValueError):
        return _Page(set(), [])
    ids: set[str] = set()
    links: list[tuple[int, str]] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.get("id"):
            ids.add(element.get("id"))
        if element.tag == "a" and element.get("name"):
            ids.add(element.get("name"))
        line = element.sourceline or 1
        for attribute in URL_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None and (attribute != "data" or element.tag == "object"):
                links.append((line, value.strip()))
        for candidate in (element.get("srcset") or "").split(","):
            if candidate.strip():
                links.append((line, candidate.split()[0]))
    return _Page(ids, links)


def canonical_site_url(site_dir: Path) -> str:
    """The site's own address, from the canonical link MkDocs writes into index.html."""
    index = site_dir / "index.html"
    if not index.is_file():
        return ""
    found = lxml.html.document_fromstring(index.read_bytes()).xpath("//link[@rel='canonical']/@href")
    return found[0] if found else ""


def check_site(site_dir: Path, site_url: str = "") -> Report:
    """Every broken internal link and anchor in the site, and the external addresses seen."""
    site_dir = site_dir.resolve()
    pages = {path.relative_to(site_dir).as_posix(): _read(path) for path in sorted(site_dir.rglob("*.html"))}
    report = Report()
    for name, page in pages.items():
        for line, url in page.links:
            target, fragment, problem = _resolve(name, url, site_url)
            if problem:
                report.broken.append(Broken(name, line, url, problem))
                continue
            if target is None:
                if not url.startswith("data:"):
                    report.external.add(url)
                continue
            report.links += 1
            if not (site_dir / target).is_file():
                if not (site_dir / target / "index.html").is_file():
                    report.broken.append(Broken(name, line, url, "filen finns inte på webbplatsen"))
                    continue
                target = posixpath.join(target, "index.html")
            if fragment and target in pages:
                report.anchors += 1
                if fragment not in pages[target].ids:
                    report.broken.append(Broken(name, line, url, f"ankaret #{fragment} finns inte på {target}"))
    report.broken.sort()
    return report


def _resolve(page: str, url: str, site_url: str) -> tuple[str | None, str, str]:
    """(target file relative to the site, fragment, problem) for a link on `page`.

    The target is None for an address outside the site (another host, mailto:, data:).
    """
    parts = urlsplit(url)
    own = urlsplit(site_url)
    if parts.scheme == "webcal" and parts.netloc == own.netloc:  # a subscription link to one of the site's own .ics files
        parts = parts._replace(scheme=own.scheme)
    if (parts.scheme or parts.netloc) and (not site_url or (parts.scheme, parts.netloc) != (own.scheme, own.netloc)):
        return None, "", ""
    fragment = unquote(parts.fragment)
    if not parts.path:  # "#rubrik" or "": this page
        return page, fragment, ""
    if parts.path.startswith("/"):
        base = own.path or "/"
        if not parts.path.startswith(base):
            return None, "", "pekar utanför webbplatsen"
        relative = parts.path[len(base) :]
    else:
        relative = posixpath.join(posixpath.dirname(page), parts.path)
    path = posixpath.normpath(unquote(relative))
    if path == ".." or path.startswith("../"):
        return None, "", "pekar utanför webbplatsen"
    if path == ".":
        path = ""
    if parts.path.endswith("/") or not path:
        path = posixpath.join(path, "index.html")
    return path, fragment, ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--site-url", help="the site's own address (default: the canonical link of index.html)")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(f"{args.site_dir} innehåller ingen byggd webbplats (index.html saknas); kör `make site` först.", file=sys.stderr)
        return 1
    site_url = args.site_url if args.site_url is not None else canonical_site_url(args.site_dir)
    report = check_site(args.site_dir, site_url)
    for address in sorted(report.external):
        print(f"extern länk (kontrolleras inte): {address}")
    for broken in report.broken:
        print(broken, file=sys.stderr)
    print(f"{report.links} interna länkar, varav {report.anchors} med ankare: {len(report.broken)} trasiga.")
    return 1 if report.broken else 0


if __name__ == "__main__":
    sys.exit(main())
