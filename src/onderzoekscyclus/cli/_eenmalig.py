"""Options given once: what click would resolve silently is refused instead.

click keeps the last of ``--datum 2026-01-01 --datum 2026-02-01`` and of ``--deels
--niet-overgenomen`` (two flags that set one value) without a word, so a typo or a
pasted line decides what is stored. Every command of ``ozc`` is an :class:`Opdracht`
and every group a :class:`Groep` (whose commands and sub-groups are too): they refuse
both with a usage error (exit code 2) before anything runs. Options meant to be
repeated (``multiple=True``) and counters are not affected.

The order in which the options were given is kept (:func:`volgorde`), for an option
that belongs to another one given before it (a ``--bron-soort`` to its ``--bron``).
"""

from __future__ import annotations

from collections.abc import Sequence

import click

from onderzoekscyclus.i18n import _

__all__ = ["Groep", "Opdracht", "opsomming", "volgorde"]

_VOLGORDE = "onderzoekscyclus.volgorde"


def opsomming(delen: Sequence[str]) -> str:
    """``--a``, ``--a en --b``, ``--a, --b en --c``."""
    if len(delen) < 2:
        return "".join(delen)
    return _("{eerdere} en {laatste}").format(eerdere=", ".join(delen[:-1]), laatste=delen[-1])


def volgorde(ctx: click.Context) -> tuple[str, ...]:
    """The names (``dest``) of the options of this command, in the order they were given,
    each as often as it was given."""
    gezien: tuple[str, ...] = ctx.meta.get(f"{_VOLGORDE}:{ctx.command_path}", ())
    return gezien


def _controleer(opdracht: click.Command, ctx: click.Context, args: Sequence[str]) -> None:
    """Refuse an option given twice, or two flags for one value, in ``args``."""
    if ctx.resilient_parsing:  # shell completion: never refuse, only complete
        return
    _opts, _rest, gezien = opdracht.make_parser(ctx).parse_args(args=list(args))
    opties = [p for p in gezien if isinstance(p, click.Option)]
    # ctx.meta is shared by the contexts of a group and its command: keep them apart
    ctx.meta[f"{_VOLGORDE}:{ctx.command_path}"] = tuple(p.name for p in opties if p.name)
    per_naam: dict[str, list[click.Option]] = {}
    for optie in opties:
        if optie.name and not optie.multiple and not optie.count:
            per_naam.setdefault(optie.name, []).append(optie)
    for keren in per_naam.values():
        soorten = list(dict.fromkeys(keren))
        if len(soorten) > 1:
            raise click.UsageError(
                _("{opties} sluiten elkaar uit; kies er één.").format(
                    opties=opsomming([o.opts[0] for o in soorten])
                ),
                ctx,
            )
        if len(keren) > 1:
            raise click.UsageError(
                _("{optie} is {n} keer gegeven; geef die optie één keer.").format(
                    optie=keren[0].opts[0], n=len(keren)
                ),
                ctx,
            )


class Opdracht(click.Command):
    """A command that refuses an option given twice (see the module)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        _controleer(self, ctx, args)
        return super().parse_args(ctx, args)


class Groep(click.Group):
    """A group that refuses an option given twice, as do its commands and sub-groups."""

    command_class = Opdracht
    group_class = type  # sub-groups are of this class too

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        _controleer(self, ctx, args)
        return super().parse_args(ctx, args)
