"""The werkplaats in a git repository: the merge driver set up, and git run for it.

Git merges text line by line; two clones that each add a line to one logboek then
"conflict" inside a TOML file. A *merge driver* lets git hand such a file to
``ozc git samenvoegen``, which merges the data instead
(:mod:`onderzoekscyclus.api.samenvoegen`). Which files use it is said by
``.gitattributes`` (part of the repository, written by ``ozc init``); the command to
run is said in each clone's own ``.git/config``, which git never takes from a
repository (a repository must not be able to make a clone run programs):
:func:`stel_in` writes both.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from onderzoekscyclus.errors import WerkplaatsError
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag._paden import ROOTBESTAND
from onderzoekscyclus.opslag.schrijver import MAPPEN

__all__ = ["ATTRIBUTEN", "DRIVER", "Git", "GitFout", "driver_opdracht", "stel_in"]

DRIVER = "onderzoekscyclus"
"""The name of the merge driver in ``.gitattributes`` and ``.git/config``."""

ATTRIBUTEN = "".join(
    [
        "# onderzoekscyclus: git voegt deze bestanden samen op hun gegevens, niet op regels\n",
        "# (zie docs/delen.md; elke kopie stelt dat in met `ozc git instellen`).\n",
        f"{ROOTBESTAND} merge={DRIVER}\n",
        *(f"{map_}/*.toml merge={DRIVER}\n" for map_ in MAPPEN),
    ]
)
"""What ``.gitattributes`` of a werkplaats says."""


class GitFout(WerkplaatsError):
    """Git could not do what was asked; the message says what and how to go on."""


def driver_opdracht() -> str:
    """The command git runs to merge a file: this Python with this onderzoekscyclus, so
    it works without ``ozc`` on the path (a git program with its own environment)."""
    return f"{shlex.quote(sys.executable)} -m onderzoekscyclus git samenvoegen %O %A %B %P"


class Git:
    """Git run in the folder of a werkplaats."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def __call__(self, *args: str, controleer: bool = True) -> subprocess.CompletedProcess[str]:
        """Run ``git ARGS`` in the werkplaats; raise :class:`GitFout` when it fails and
        ``controleer`` is set."""
        try:
            uit = subprocess.run(
                ["git", *args],
                cwd=self.root,
                capture_output=True,
                text=True,
                check=False,
                env=None,
            )
        except FileNotFoundError:
            raise GitFout(
                _("Git is niet geïnstalleerd op deze computer."),
                _("Installeer git (https://git-scm.com) en probeer het opnieuw."),
                code="git.ontbreekt",
            ) from None
        if controleer and uit.returncode != 0:
            raise GitFout(
                _("git {opdracht} lukte niet: {melding}").format(
                    opdracht=args[0], melding=(uit.stderr or uit.stdout).strip()
                ),
                code="git.mislukt",
            )
        return uit

    def tekst(self, *args: str) -> str:
        """The output of ``git ARGS``, without the last newline."""
        return self(*args).stdout.strip()

    def top(self) -> Path:
        """The top folder of the repository the werkplaats is in."""
        uit = self("rev-parse", "--show-toplevel", controleer=False)
        if uit.returncode != 0:
            raise GitFout(
                _("De werkplaats {map} staat niet in een git-repository.").format(map=self.root),
                _(
                    "Maak er een met `git init` in die map, of werk in een kopie (clone) van de "
                    "gedeelde werkplaats; zie docs/delen.md."
                ),
                code="git.geen-repository",
            )
        return Path(uit.stdout.strip())

    def ingesteld(self) -> bool:
        """Whether this clone runs our merge driver."""
        uit = self("config", "--get", f"merge.{DRIVER}.driver", controleer=False)
        return uit.returncode == 0 and uit.stdout.strip() == driver_opdracht()


def schrijf_attributen(root: Path) -> bool:
    """Make ``.gitattributes`` of the werkplaats name the merge driver (other lines are
    kept); returns whether it changed."""
    pad = Path(root) / ".gitattributes"
    oud = pad.read_text(encoding="utf-8") if pad.exists() else ""
    regels = oud.splitlines()
    nodig = [r for r in ATTRIBUTEN.splitlines() if not r.startswith("#") and r not in regels]
    if not nodig:
        return False
    if not oud:
        pad.write_text(ATTRIBUTEN, encoding="utf-8")
        return True
    pad.write_text(oud.rstrip("\n") + "\n" + "\n".join(nodig) + "\n", encoding="utf-8")
    return True


def stel_in(root: Path) -> tuple[Path, bool]:
    """Set the merge driver up for the clone the werkplaats at ``root`` is in:
    ``.gitattributes`` in the werkplaats and the driver in the clone's config. Returns
    the repository's top folder and whether ``.gitattributes`` changed (it is then to
    be committed, so the other clones get it too)."""
    git = Git(root)
    top = git.top()
    veranderd = schrijf_attributen(root)
    git("config", f"merge.{DRIVER}.name", "onderzoekscyclus: gegevens samenvoegen")
    git("config", f"merge.{DRIVER}.driver", driver_opdracht())
    return top, veranderd


def relatief(root: Path, paden: Sequence[str]) -> list[str]:
    """``paden`` (relative to the repository's top, as git prints them) relative to the
    werkplaats, for those inside it."""
    top = Git(root).top().resolve()
    basis = Path(root).resolve()
    uit = []
    for pad in paden:
        volledig = (top / pad).resolve()
        if volledig.is_relative_to(basis):
            uit.append(volledig.relative_to(basis).as_posix())
    return uit
