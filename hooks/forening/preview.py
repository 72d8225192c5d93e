"""The preview's page while the content has errors (`mkdocs serve`).

A build with errors publishes nothing, and `mkdocs serve` then keeps its last
site and holds every request until a build succeeds: the editor's browser spins,
or shows the old page as if the save had not counted, and the errors are only in
the terminal. So in the preview (never in a build that publishes) the adapter
builds this page instead of the site: every error, in Swedish, at its
`path:line`, where the editor is looking. The theme's 404 page shows the same, so
whatever page was open shows it when the preview reloads; once the errors are
fixed and saved, the next build is the real site again.
"""

from __future__ import annotations

from .pages import Page
from .problems import Problem, errors
from .render import render

SRC = "index.md"
TITLE = "Innehållet har fel"


def error_page(problems: list[Problem]) -> Page:
    """The one page of a preview of content with errors (suggestions left out). Its Markdown
    is the template's HTML, escaped by it, which the theme's 404 page shows as it is."""
    return Page(
        src=SRC,
        markdown=render("preview_errors.html", SRC, problems=errors(problems)),
        title=TITLE,
        description="Förhandsvisningen väntar tills felen i innehållet är rättade.",
        in_nav=True,
    )

