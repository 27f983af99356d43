"""The document view as one self-contained HTML file, to attach to a review.

``report_to_html(report)`` gives a page that needs no server and no network:
the stylesheet and the one script are inline, and a Content-Security-Policy
in the page allows exactly those two by their SHA-256 hashes (no other
script, no inline event handlers, no remote loads). Every piece of document
text goes through Jinja2's autoescaping; the data for the script sits in a
non-executed JSON block with ``<``, ``>`` and ``&`` escaped.

An HTML filing is shown as filed (``tieout.render.filed``): its sanitized markup is output
as is, and its style classes come in a second inline stylesheet with its own hash.

``environment()`` is the one Jinja2 environment, shared with ``tieout.serve``.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from importlib import resources

from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from tieout.render.view import View, report_to_view

_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                 0x2028: "\\u2028", 0x2029: "\\u2029"}


def json_for_html(value) -> Markup:
    """JSON safe inside a ``<script type="application/json">`` block (like Django's json_script)."""
    return Markup(json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES))


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=ChoiceLoader([PackageLoader("tieout.render", "templates"),
                             PackageLoader("tieout.serve", "templates")]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=False, lstrip_blocks=False,
    )
    env.filters["json_script"] = json_for_html
    return env


def static_text(name: str) -> str:
    """A file of ``tieout/render/static`` (the view's CSS and script)."""
    return resources.files("tieout.render").joinpath("static", name).read_text(encoding="utf-8")


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def standalone_csp(css: str, js: str, *more_css: str) -> str:
    styles = " ".join(csp_hash(text) for text in (css, *more_css) if text)
    return ("default-src 'none'; script-src " + csp_hash(js) + "; style-src " + styles
            + "; img-src data:; base-uri 'none'; form-action 'none'")


def view_to_html(view: View) -> str:
    """Render a View as the self-contained page.

    An HTML filing shown as filed brings a second stylesheet (its style attributes as classes,
    ``tieout.render.filed``), allowed by its own hash: the CSP stays without ``'unsafe-inline'``.
    """
    css, js = static_text("docview.css"), static_text("docview.js")
    filed_css = view.css
    if "</script" in js.lower() or "</style" in css.lower() or "<" in filed_css:  # never expected
        raise ValueError("inline asset would close its element")
    return environment().get_template("standalone.html").render(
        view=view, csp=standalone_csp(css, js, filed_css), css=Markup(css), js=Markup(js),
        filed_css=Markup(filed_css))


def report_to_html(report, as_text: bool = False) -> str:
    """The document with tick marks, as one HTML file (``tieout show FILE --html OUT``): an HTML
    filing as filed, or (``as_text``) its markup lines."""
    return view_to_html(report_to_view(report, as_text=as_text))
