"""The vendor files the site does not publish: Material's and Pagefind's files that no page loads.

Why leave them out: the built site must hold no e-mail address except the
association's function contacts (GDPR, a promise of the site), and some of these
files name their authors and translators: Material's source maps (its licence
headers), lunr's Japanese word splitter under `lunr/` and Pagefind's ready-made
search UIs (their translators). No page needs them. The site searches with
Pagefind through its own search box (hooks/theme/), so Material's search (lunr,
its worker) and Pagefind's UIs are never loaded, and a source map is fetched only
by a browser's developer tools. Checked in a real Chromium over every page, a
search and both palettes: what pages load is Material's bundle and CSS, our
scripts and Pagefind's runtime (`pagefind.js`, its worker, entry file, the
Swedish wasm, metadata, index chunks and fragments).

What is shipped is read by the privacy guard, vendor code included (site_text),
so a vendor file that brings an address in a later version fails the build
rather than being published.

Material's bundle and CSS still end in a `sourceMappingURL` comment naming the
map left out here. Only developer tools follow it (they then note that the map
is missing); no page requests it, and the link check reads only the links of
HTML pages. The files are published as their packages have them, so the comment
stays.
"""

from __future__ import annotations

from fnmatch import fnmatch

# Theme files of Material's that MkDocs copies into every site (the adapter drops
# them in `on_files`: MkDocs adds the theme's files to the list just before it).
MATERIAL_UNUSED = (
    "assets/javascripts/lunr/*",  # Material's search (lunr and its languages): the site searches with Pagefind
    # Material's search worker: its bundle starts it only for a search form of its own,
    # which our partials/search.html is not (the page's config still names it, unused).
    "assets/javascripts/workers/*",
    "assets/javascripts/*.map",  # source maps: only developer tools fetch them
    "assets/stylesheets/*.map",
)

# Files Pagefind writes beside its search runtime into `pagefind/` (forening.search
# removes them once the index is written: Pagefind has no setting to leave them out).
PAGEFIND_UNUSED = (
    "pagefind-ui.js",  # its ready-made search UIs: the header's search box is our own (hooks/theme/)
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",  # marks the query on a result's page, for a page that loads it; none does
)


def unused_theme_file(rel: str) -> bool:
    """Whether the theme file at `rel` (a path in the site) is one no page loads."""
    return any(fnmatch(rel, pattern) for pattern in MATERIAL_UNUSED)
