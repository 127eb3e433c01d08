"""Text that is safe to put into a spreadsheet cell.

A spreadsheet program takes a cell that starts with ``=``, ``+``, ``-`` or ``@`` for a
formula, and some also when a tab or carriage return comes first; a text such as
``=HYPERLINK("http://…")`` from a werkplaats would then run as a formula on the
computer of whoever opens the export (CSV or formula injection). :func:`neutraliseer`
puts a single quote before such a text, so that it stays text. Shared by the ``csv``
export and the ``xlsx`` plugin.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

__all__ = ["GEVAARLIJK", "neutraliseer"]

GEVAARLIJK = frozenset("=+-@\t\r") | frozenset("＝＋－＠")
"""First characters that make a cell a formula; the full-width forms are included
because some spreadsheet programs read them as the ordinary ones."""


def neutraliseer(tekst: str) -> str:
    """``tekst`` with a ``'`` in front when it would start a formula; otherwise unchanged.

    >>> neutraliseer('=HYPERLINK("http://x")')
    '\\'=HYPERLINK("http://x")'
    >>> neutraliseer("'t Startblok")
    "'t Startblok"
    """
    if tekst and tekst[0] in GEVAARLIJK:
        return "'" + tekst
    return tekst
