"""Sharing a werkplaats through git for people who do not know git: ``ozc deel``.

One step does what a werkgroep needs: save the local changes as a commit with a
readable message, fetch what the others shared, merge it (with the merge driver, so
log lines, measurements and members merge by their data), and send the result back;
when someone else sent first, it fetches, merges and tries again. Local work is
committed before anything is fetched, so it is never lost: a step that cannot be done
(no shared place, no connection, a file git cannot merge) stops with the local commit
kept and says what to do.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import attrs

from onderzoekscyclus.api.samenvoegen import conflicten_in
from onderzoekscyclus.i18n import _, ngettext
from onderzoekscyclus.opslag.git import Git, GitFout, relatief, stel_in

__all__ = ["Deelverslag", "deel"]

_POGINGEN = 3


@attrs.frozen
class Deelverslag:
    """What ``deel`` did: ``vastgelegd`` the files of the local commit (relative to the
    werkplaats), ``binnengehaald`` the files the others changed, ``conflicten`` the
    files that now note a conflict for a person, ``pogingen`` how often it sent.

    .. versionadded:: 0.2.0
    """

    vastgelegd: tuple[str, ...]
    binnengehaald: tuple[str, ...]
    conflicten: tuple[str, ...]
    pogingen: int
    commit: str


def _bericht(bestanden: list[str]) -> str:
    """A commit message a person reads: what changed, per kind of file."""
    per_map = Counter(b.split("/", 1)[0] if "/" in b else "werkplaats" for b in bestanden)
    delen = ", ".join(f"{map_} {n}" for map_, n in sorted(per_map.items()))
    return ngettext(
        "ozc deel: {n} bestand bijgewerkt ({delen})",
        "ozc deel: {n} bestanden bijgewerkt ({delen})",
        len(bestanden),
    ).format(n=len(bestanden), delen=delen)


def deel(root: Path, *, meld: Callable[[str], None] = lambda _t: None) -> Deelverslag:
    """Commit, fetch, merge and push the werkplaats at ``root`` (see the module);
    ``meld`` hears each step as it starts, for a person waiting."""
    git = Git(root)
    stel_in(root)
    meld(_("Wijzigingen vastleggen…"))
    git("add", "-A", "--", ".")
    staged = git.tekst("diff", "--cached", "--name-only", "--", ".").splitlines()
    vastgelegd = relatief(root, staged)
    if vastgelegd:
        uit = git("commit", "-m", _bericht(vastgelegd), controleer=False)
        if uit.returncode != 0:
            if "user.email" in uit.stderr or "identity" in uit.stderr.lower():
                raise GitFout(
                    _("Git weet nog niet wie u bent, en zet dat bij elke wijziging."),
                    _(
                        'Vertel het eenmalig: git config --global user.name "Uw naam" en '
                        'git config --global user.email "u@school.nl".'
                    ),
                    code="git.wie",
                )
            raise GitFout(
                _("Vastleggen lukte niet: {melding}").format(melding=uit.stderr.strip()),
                code="git.mislukt",
            )
    if not git.tekst("remote"):
        raise GitFout(
            _("Uw wijzigingen zijn vastgelegd, maar deze werkplaats heeft geen gedeelde plek."),
            _(
                "Koppel hem eenmalig aan de gedeelde repository van het partnerschap: "
                "git remote add origin ADRES (zie docs/delen.md)."
            ),
            code="git.geen-remote",
        )
    tak = git.tekst("rev-parse", "--abbrev-ref", "HEAD")
    remote = git.tekst("remote").splitlines()[0]
    binnen: set[str] = set()
    for poging in range(1, _POGINGEN + 1):
        meld(_("Ophalen wat anderen deelden…"))
        if git("fetch", remote, controleer=False).returncode != 0:
            raise GitFout(
                _("Uw wijzigingen zijn vastgelegd, maar de gedeelde plek is niet bereikbaar."),
                _("Controleer de internetverbinding en probeer `ozc deel` later opnieuw."),
                code="git.offline",
            )
        doel = f"{remote}/{tak}"
        if git("rev-parse", "--verify", "--quiet", doel, controleer=False).returncode == 0:
            voor = git.tekst("rev-parse", "HEAD")
            meld(_("Samenvoegen…"))
            samen = git("merge", "--no-edit", doel, controleer=False)
            if samen.returncode != 0:
                vast = git.tekst("diff", "--name-only", "--diff-filter=U").splitlines()
                git("merge", "--abort", controleer=False)
                raise GitFout(
                    _(
                        "Uw wijzigingen zijn vastgelegd, maar git kan deze bestanden niet "
                        "samenvoegen: {bestanden}."
                    ).format(bestanden=", ".join(vast) or _("(onbekend)")),
                    _(
                        "Er is niets verloren. Vraag iemand die git kent om te helpen, of "
                        "zie docs/delen.md."
                    ),
                    code="git.samenvoegen",
                )
            binnen |= set(
                relatief(root, git.tekst("diff", "--name-only", voor, "HEAD").splitlines())
            )
        meld(_("Versturen…"))
        push = git("push", "--set-upstream", remote, f"HEAD:{tak}", controleer=False)
        if push.returncode == 0:
            return Deelverslag(
                vastgelegd=tuple(vastgelegd),
                binnengehaald=tuple(sorted(binnen)),
                conflicten=tuple(
                    dict.fromkeys(c["bestand"] for c in conflicten_in(root, sorted(binnen)))
                ),
                pogingen=poging,
                commit=git.tekst("rev-parse", "HEAD"),
            )
    raise GitFout(
        _(
            "Uw wijzigingen zijn vastgelegd en samengevoegd, maar versturen lukte {n} keer niet."
        ).format(n=_POGINGEN),
        _("Anderen delen net tegelijk; probeer `ozc deel` over een minuut opnieuw."),
        code="git.versturen",
    )
