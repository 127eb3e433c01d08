"""Options that mean the same in every command, and help that is Dutch throughout.

* :class:`Keuze`: a choice (a sector, a role, a conclusion) read the way the library
  reads it (:func:`onderzoekscyclus.domein.velden.naar_enum`): ``--rol leerkracht``,
  ``--conclusie "niet bereikt"``, any case.
* :func:`door_optie`: ``--door PERSOON``, the one name for "the person who did it"; the
  names it replaces keep working for one release, hidden, with a notice.
* :func:`nederlandse_hulp`: click's own usage line and value names in Dutch
  (``Gebruik: ozc [OPTIES] OPDRACHT [ARGUMENTEN]...``, ``TEKST``, ``GETAL``), for every
  command the root group hands out, including ones added later.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click
from click.shell_completion import CompletionItem

from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import N_, _

__all__ = ["Keuze", "door_optie", "nederlandse_hulp"]

F = TypeVar("F", bound=Callable[..., Any])

if TYPE_CHECKING:  # click 8.5 types the value of a parameter; click 8.2 does not
    _Paramtype = click.ParamType[Any]
else:
    _Paramtype = click.ParamType

_MAX_IN_METAVAR = 6


class Keuze(_Paramtype):
    """A choice of the enum ``soort``, read as the library reads it; the value passed
    on is the enum member. ``veld`` names it in a refusal."""

    name = "keuze"

    def __init__(self, soort: type[enum.Enum], veld: str) -> None:
        self.soort = soort
        self.veld = veld

    def _waarden(self) -> list[str]:
        return [str(lid.value) for lid in self.soort]

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        waarden = self._waarden()
        if len(waarden) <= _MAX_IN_METAVAR:
            return "[" + "|".join(waarden) + "]"
        return self.veld.upper()

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        # the domain loads attrs; `ozc log` and `ozc --help` stay light without it
        from onderzoekscyclus.domein.velden import naar_enum  # noqa: PLC0415

        try:
            return naar_enum(self.soort, self.veld)(value)
        except InvalidValue as fout:
            self.fail(f"'{value}'. {fout.hint or ''}".strip(), param, ctx)

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        return [CompletionItem(w) for w in self._waarden() if w.startswith(incomplete.lower())]


def _sleutel(oud: str) -> str:
    return "oud_" + oud.lstrip("-").replace("-", "_")


class _Door(click.Option):
    """``--door``: when it is required, an old name given instead will do (the old
    names given on the command line are processed first)."""

    def __init__(self, *args: Any, oude_namen: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.oude_namen = oude_namen

    def process_value(self, ctx: click.Context, value: Any) -> Any:
        if (
            self.required
            and self.value_is_missing(value)
            and any(ctx.params.get(_sleutel(oud)) is not None for oud in self.oude_namen)
        ):
            return None
        return super().process_value(ctx, value)


def door_optie(
    hulp: str, *oude_namen: str, naam: str = "door", verplicht: bool = False
) -> Callable[[F], F]:
    """``--door PERSOON`` with help ``hulp``; the command gets it as ``naam``.

    ``oude_namen`` (``--wie``, ``--auteur``, ``--leider``) are what the option was
    called before: they work for one more release, are not in the help, and say on
    stderr that the option is now called ``--door``.

    .. versionadded:: 0.2.0
    """

    def decorator(f: F) -> F:
        @functools.wraps(f)
        def met_door(*args: Any, **kwargs: Any) -> Any:
            door = kwargs.get(naam)
            for oud in oude_namen:
                waarde = kwargs.pop(_sleutel(oud), None)
                if waarde is None:
                    continue
                click.echo(
                    _(
                        "Let op: {oud} heet nu --door; {oud} verdwijnt in een volgende versie."
                    ).format(oud=oud),
                    err=True,
                )
                if door is not None and door != waarde:
                    raise click.UsageError(
                        _("{oud} en --door zijn dezelfde optie; geef er één.").format(oud=oud)
                    )
                door = waarde
            kwargs[naam] = door
            return f(*args, **kwargs)

        opdracht: Any = click.option(
            "--door",
            naam,
            cls=_Door,
            oude_namen=oude_namen,
            required=verplicht,
            metavar=_("PERSOON"),
            help=hulp,
        )(met_door)
        for oud in oude_namen:
            opdracht = click.option(oud, _sleutel(oud), hidden=True)(opdracht)
        return cast(F, opdracht)

    return decorator


# --- Dutch help -------------------------------------------------------------------------

_ENGELSE_OPDRACHTEN = {
    "COMMAND [ARGS]...",
    "[COMMAND] [ARGS]...",
    "COMMAND1 [ARGS]... [COMMAND2 [ARGS]...]...",
    "[COMMAND1] [ARGS]... [COMMAND2 [ARGS]...]...",
}
_TYPENAMEN: dict[type[_Paramtype], str] = {
    click.types.IntParamType: N_("GETAL"),
    click.types.FloatParamType: N_("GETAL"),
    click.types.IntRange: N_("GETAL"),
    click.types.FloatRange: N_("GETAL"),
    click.types.DateTime: N_("DATUM"),
    click.types.BoolParamType: N_("JA|NEE"),
}


def _typenaam(soort: _Paramtype) -> str:
    if isinstance(soort, click.Path):
        return _("MAP") if not soort.file_okay else _("BESTAND") if not soort.dir_okay else _("PAD")
    for klasse, naam in _TYPENAMEN.items():
        if type(soort) is klasse:
            return _(naam)
    return _("TEKST")


def nederlandse_hulp(opdracht: click.Command) -> click.Command:
    """``opdracht`` and every command under it with click's usage line and value names
    in the current language: ``[OPTIES]``, ``OPDRACHT [ARGUMENTEN]...``, and for every
    option without a value name of its own (``metavar``) one by its type: ``TEKST``,
    ``GETAL``, ``DATUM``, ``PAD``. A choice keeps its values (``[po|so|vo]``).
    Harmless to call again."""
    if opdracht.options_metavar == "[OPTIONS]":
        opdracht.options_metavar = _("[OPTIES]")
    if isinstance(opdracht, click.Group):
        if opdracht.subcommand_metavar in _ENGELSE_OPDRACHTEN:
            opdracht.subcommand_metavar = _("OPDRACHT [ARGUMENTEN]...")
        for sub in opdracht.commands.values():
            nederlandse_hulp(sub)
    for param in opdracht.params:
        if not isinstance(param, click.Option) or param.metavar is not None or param.is_flag:
            continue
        if isinstance(param.type, click.Choice | Keuze):
            continue
        param.metavar = _typenaam(param.type)
    return opdracht
