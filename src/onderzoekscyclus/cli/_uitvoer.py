"""What every command shares: the context object, output, and error handling."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from onderzoekscyclus.domein.tijd import in_kalender
from onderzoekscyclus.i18n import _
from onderzoekscyclus.klok import lees_datum, systeemdatum

if TYPE_CHECKING:
    from onderzoekscyclus.api.logboek import Logboek
    from onderzoekscyclus.api.netwerk import Themanetwerk
    from onderzoekscyclus.api.werkplaats import Werkplaats


VANDAAG_VARIABELE = "ONDERZOEKSCYCLUS_VANDAAG"

EXIT_INTERN = 70
"""Exit code of an error in onderzoekscyclus itself (``EX_SOFTWARE`` of sysexits.h)."""
EXIT_SYSTEEM = 74
"""Exit code when the operating system could not read or write a file (``EX_IOERR``)."""


def waarschuw_commentaar(bestand: str) -> None:
    """Say, before it happens, that a write removes the comments of ``bestand``."""
    click.echo(
        _(
            "Let op: {bestand} bevat opmerkingen (#); die verdwijnen bij het opslaan, de "
            "gegevens blijven. Bewaar ze elders als u ze nodig hebt."
        ).format(bestand=bestand),
        err=True,
    )


def vandaag() -> dt.date:
    """The CLI's clock: ``$ONDERZOEKSCYCLUS_VANDAAG`` (to record or try things as of
    another day, within the calendar of the werkplaats), otherwise the computer's date.
    The library reads no environment."""
    gezet = os.environ.get(VANDAAG_VARIABELE)
    if not gezet:
        return systeemdatum()
    return in_kalender(lees_datum(gezet, bron=VANDAAG_VARIABELE), veld=VANDAAG_VARIABELE)


class Omgeving:
    """``ctx.obj``: the global options and the werkplaats, opened on first use."""

    def __init__(self, werkplaats_pad: Path | None, als_json: bool) -> None:
        self.werkplaats_pad = werkplaats_pad
        self.als_json = als_json
        self._werkplaats: Werkplaats | None = None

    @property
    def root(self) -> Path:
        """The werkplaats folder, found without loading the library."""
        from onderzoekscyclus.opslag._paden import vind_werkplaats  # noqa: PLC0415

        return vind_werkplaats(self.werkplaats_pad, omgeving=os.environ)

    @property
    def logboek(self) -> Logboek:
        """The logboek service, without loading the rest of the library (``ozc log``)."""
        from onderzoekscyclus.api.logboek import Logboek  # noqa: PLC0415
        from onderzoekscyclus.opslag.schrijver import Schrijver  # noqa: PLC0415

        schrijver = Schrijver(self.root)
        schrijver.bij_commentaar = waarschuw_commentaar
        return Logboek(schrijver, vandaag)

    @property
    def netwerk(self) -> Themanetwerk:
        """The themanetwerk (``ozc thema``): it answers from the index, so the store and
        the domain classes are not loaded; the root file is checked as opening the
        werkplaats would (a newer schema is refused)."""
        if self._werkplaats is not None:
            return self._werkplaats.netwerk
        from onderzoekscyclus.api.netwerk import Themanetwerk  # noqa: PLC0415
        from onderzoekscyclus.opslag._paden import ROOTBESTAND  # noqa: PLC0415
        from onderzoekscyclus.opslag._toml import lees_begrensd  # noqa: PLC0415
        from onderzoekscyclus.opslag.schrijver import Schrijver  # noqa: PLC0415

        root = self.root
        Schrijver(root).ontleed(lees_begrensd(root / ROOTBESTAND), "werkplaats", ROOTBESTAND)
        return Themanetwerk(root, vandaag, voortgang=True)

    @property
    def werkplaats(self) -> Werkplaats:
        """The werkplaats of ``--werkplaats``, the current folder, or the environment."""
        if self._werkplaats is None:
            from onderzoekscyclus.api.werkplaats import Werkplaats  # noqa: PLC0415

            self._werkplaats = Werkplaats.open(
                self.werkplaats_pad, vandaag=vandaag, voortgang=True, omgeving=os.environ
            )
            self._werkplaats.opslag.schrijver.bij_commentaar = waarschuw_commentaar
        return self._werkplaats


pass_omgeving = click.make_pass_decorator(Omgeving)


def als_data(obj: Any) -> Any:
    """Plain JSON-able data for ``obj``: :func:`onderzoekscyclus.als_data`, imported
    only when a command prints JSON."""
    from onderzoekscyclus.api.vorm import als_data as data  # noqa: PLC0415

    return data(obj)


def toon(
    omgeving: Omgeving, data: Any, tekst: Callable[[], str], *, ombreken: bool = False
) -> None:
    """Print ``data`` as JSON (with ``--json``) or the human text ``tekst()``; with
    ``ombreken`` its long lines are wrapped to the terminal (for free text, not tables)."""
    if omgeving.als_json:
        import json  # noqa: PLC0415 - only for --json

        click.echo(json.dumps(als_data(data), ensure_ascii=False, indent=2))
    elif ombreken:
        from onderzoekscyclus.cli._woorden import omgebroken  # noqa: PLC0415

        click.echo(omgebroken(tekst()))
    else:
        click.echo(tekst())


def melding(omgeving: Omgeving, tekst: str) -> None:
    """A message for the person at the keyboard: stdout, or stderr with ``--json``."""
    click.echo(tekst, err=omgeving.als_json)


class OzcFout(click.ClickException):
    """A library error as the CLI shows it: the message, the way out, an exit code."""

    def __init__(self, bericht: str, exit_code: int = 1) -> None:
        super().__init__(bericht)
        self.exit_code = exit_code  # type: ignore[misc]  # click declares it per class

    def show(self, file: IO[Any] | None = None) -> None:
        tekst = _("Fout: {bericht}").format(bericht=self.format_message())
        isatty = getattr(sys.stderr, "isatty", None)
        if isatty is not None and isatty():
            # on a terminal a long message is wrapped as other output is (commands in
            # backticks stay whole); a script reading stderr gets each line as it was
            from onderzoekscyclus.cli._woorden import omgebroken  # noqa: PLC0415

            tekst = omgebroken(tekst)
        click.echo(tekst, err=True)


def vertaal_fout(fout: BaseException) -> click.ClickException | None:
    """The CLI error for a library error, or ``None`` if it is not ours to show."""
    from onderzoekscyclus.cli.hints import hints  # noqa: PLC0415
    from onderzoekscyclus.errors import OnderzoekscyclusError  # noqa: PLC0415

    if isinstance(fout, OnderzoekscyclusError):
        from onderzoekscyclus.errors import WerkplaatsNotFound  # noqa: PLC0415

        # where the command line knows the way out better (which ozc command), its hint
        # takes the place of the library's
        eigen = hints(fout)
        kop = fout.bericht if eigen and isinstance(fout, WerkplaatsNotFound) else str(fout)
        return OzcFout("\n".join([kop, *eigen]), fout.exit_code)
    if isinstance(fout, BrokenPipeError):
        return None  # the reader stopped reading (`ozc … | head`): click ends quietly
    if isinstance(fout, OSError):
        from onderzoekscyclus.cli._systeemfout import systeemfout  # noqa: PLC0415

        return OzcFout("\n".join(systeemfout(fout)), EXIT_SYSTEEM)
    if os.environ.get("ONDERZOEKSCYCLUS_DEBUG"):
        return None
    if isinstance(fout, Exception):
        # the class names the bug for a report; its text is the interpreter's English,
        # shown with the traceback under ONDERZOEKSCYCLUS_DEBUG=1
        return OzcFout(
            _("Onverwachte fout in onderzoekscyclus ({soort}).").format(soort=type(fout).__name__)
            + "\n"
            + _(
                "Er is niets half geschreven. Meld dit alstublieft; met ONDERZOEKSCYCLUS_DEBUG=1 ziet u de details."
            ),
            EXIT_INTERN,
        )
    return None


def meld_wachten(timeout: float) -> None:
    """Say on stderr why nothing happens: another command holds the werkplaats lock."""
    from onderzoekscyclus.opmaak import getal  # noqa: PLC0415

    click.echo(
        _(
            "De werkplaats is bezig met een andere opdracht; ik wacht (hoogstens {s} seconden)…"
        ).format(s=getal(timeout)),
        err=True,
    )


datum_optie = click.option(
    "--datum",
    metavar=_("DATUM"),
    help=_("Datum als JJJJ-MM-DD, als het eerder gebeurde (standaard: vandaag)."),
)
"""``--datum`` of a step that may be recorded after the fact."""


def datum_of_geen(waarde: str | None, *, bron: str = "--datum") -> dt.date | None:
    """The date a ``JJJJ-MM-DD`` option gives, or ``None`` when it was left out; an
    error names the option ``bron``."""
    return lees_datum(waarde, bron=bron) if waarde else None
