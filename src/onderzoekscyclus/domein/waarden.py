"""The domain's choices: the enums a school, person, werkgroep or cycle holds.

Each is a stored word (``po``, ``intern-begeleider``, ``niet-bereikt``) with its name
and the synonyms people type (see :mod:`onderzoekscyclus.domein.keuzes`). They live
apart from the classes that hold them, so that showing a phase or a sector needs no
more than this module; :mod:`~onderzoekscyclus.domein.model` and
:mod:`~onderzoekscyclus.domein.cyclus` re-export them.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import enum
from typing import Literal

from onderzoekscyclus.domein.keuzes import keuze
from onderzoekscyclus.i18n import N_

__all__ = [
    "Bezoeksoort",
    "BezoeksoortWaarde",
    "Conclusie",
    "ConclusieWaarde",
    "Fase",
    "FaseWaarde",
    "LidRol",
    "LidRolWaarde",
    "Pauze",
    "Rol",
    "RolWaarde",
    "Sector",
    "SectorWaarde",
    "WerkgroepSoort",
    "WerkgroepSoortWaarde",
]


@keuze({"leider": N_("leider"), "expert": N_("expert"), "lid": N_("lid")}, {"voorzitter": "leider"})
class LidRol(enum.StrEnum):
    """The role of a member within one werkgroep."""

    LEIDER = "leider"
    EXPERT = "expert"
    LID = "lid"


LidRolWaarde = Literal["leider", "expert", "lid"]
"""A :class:`LidRol` as text."""


@keuze(
    {
        "po": N_("po"),
        "so": N_("so"),
        "vo": N_("vo"),
        "mbo": N_("mbo"),
        "opleiding": N_("opleiding"),
    },
    {
        "primair onderwijs": "po",
        "basisonderwijs": "po",
        "basisschool": "po",
        "speciaal onderwijs": "so",
        "speciaal basisonderwijs": "so",
        "sbo": "so",
        "voortgezet onderwijs": "vo",
        "middelbaar beroepsonderwijs": "mbo",
        "lerarenopleiding": "opleiding",
        "pabo": "opleiding",
    },
)
class Sector(enum.StrEnum):
    """The sector a school or institute belongs to."""

    PO = "po"
    SO = "so"
    VO = "vo"
    MBO = "mbo"
    OPLEIDING = "opleiding"


SectorWaarde = Literal["po", "so", "vo", "mbo", "opleiding"]
"""A :class:`Sector` as text: what a caller may pass instead of the enum."""


@keuze(
    {
        "leraar": N_("leraar"),
        "intern-begeleider": N_("intern begeleider"),
        "schoolleider": N_("schoolleider"),
        "middenmanager": N_("middenmanager"),
        "specialist": N_("specialist"),
        "onderwijsassistent": N_("onderwijsassistent"),
        "opleider": N_("opleider"),
        "student": N_("student"),
        "lector": N_("lector"),
        "onderzoeker": N_("onderzoeker"),
        "bestuurder": N_("bestuurder"),
        "stafmedewerker": N_("stafmedewerker"),
    },
    {
        "leerkracht": "leraar",
        "docent": "leraar",
        "ib": "intern-begeleider",
        "ib'er": "intern-begeleider",
        "ibber": "intern-begeleider",
        "directeur": "schoolleider",
        "teamleider": "middenmanager",
        "bouwcoördinator": "middenmanager",
        "klassenassistent": "onderwijsassistent",
        "lerarenopleider": "opleider",
        "schoolopleider": "opleider",
        "stagiair": "student",
        "lio": "student",
    },
)
class Rol(enum.StrEnum):
    """What a person does in or for a school."""

    LERAAR = "leraar"
    INTERN_BEGELEIDER = "intern-begeleider"
    SCHOOLLEIDER = "schoolleider"
    MIDDENMANAGER = "middenmanager"
    SPECIALIST = "specialist"
    ONDERWIJSASSISTENT = "onderwijsassistent"
    OPLEIDER = "opleider"
    STUDENT = "student"
    LECTOR = "lector"
    ONDERZOEKER = "onderzoeker"
    BESTUURDER = "bestuurder"
    STAFMEDEWERKER = "stafmedewerker"


RolWaarde = Literal[
    "leraar",
    "intern-begeleider",
    "schoolleider",
    "middenmanager",
    "specialist",
    "onderwijsassistent",
    "opleider",
    "student",
    "lector",
    "onderzoeker",
    "bestuurder",
    "stafmedewerker",
]
"""A :class:`Rol` as text."""


@keuze(
    {
        "leerteam": N_("leerteam"),
        "plg": N_("PLG"),
        "learning-community": N_("learning community"),
        "gelegenheidscommunity": N_("gelegenheidscommunity"),
        "bovenschools": N_("bovenschools"),
    },
    {
        "professionele leergemeenschap": "plg",
        "professionele leergemeenschappen": "plg",
        "bovenschoolse werkgroep": "bovenschools",
        "bovenschoolse": "bovenschools",
    },
)
class WerkgroepSoort(enum.StrEnum):
    """The kinds of werkgroep the seed texts describe."""

    LEERTEAM = "leerteam"
    PLG = "plg"
    LEARNING_COMMUNITY = "learning-community"
    GELEGENHEIDSCOMMUNITY = "gelegenheidscommunity"
    BOVENSCHOOLS = "bovenschools"


WerkgroepSoortWaarde = Literal[
    "leerteam", "plg", "learning-community", "gelegenheidscommunity", "bovenschools"
]
"""A :class:`WerkgroepSoort` as text."""


@keuze(
    {
        "aanleiding": N_("aanleiding"),
        "beginsituatie": N_("beginsituatie"),
        "doel": N_("doel"),
        "verbeterplan": N_("verbeterplan"),
        "uitvoering": N_("uitvoering"),
        "evaluatie": N_("evaluatie"),
        "afgerond": N_("afgerond"),
    },
    {"plan": "verbeterplan"},
)
class Fase(enum.StrEnum):
    """The phases of a research cycle, in order."""

    AANLEIDING = "aanleiding"
    BEGINSITUATIE = "beginsituatie"
    DOEL = "doel"
    VERBETERPLAN = "verbeterplan"
    UITVOERING = "uitvoering"
    EVALUATIE = "evaluatie"
    AFGEROND = "afgerond"


FaseWaarde = Literal[
    "aanleiding", "beginsituatie", "doel", "verbeterplan", "uitvoering", "evaluatie", "afgerond"
]
"""A :class:`Fase` as text."""


@keuze({"gepauzeerd": N_("gepauzeerd")})
class Pauze(enum.StrEnum):
    """The state of a paused cycle: it keeps its phase (``fase``) and waits."""

    GEPAUZEERD = "gepauzeerd"


@keuze(
    {"bereikt": N_("bereikt"), "deels": N_("deels"), "niet-bereikt": N_("niet bereikt")},
    {"gedeeltelijk": "deels", "deels bereikt": "deels", "niet": "niet-bereikt"},
)
class Conclusie(enum.StrEnum):
    """How far the goal was reached."""

    BEREIKT = "bereikt"
    DEELS = "deels"
    NIET_BEREIKT = "niet-bereikt"


ConclusieWaarde = Literal["bereikt", "deels", "niet-bereikt"]
"""A :class:`Conclusie` as text."""


@keuze(
    {
        "visitatie": N_("visitatie"),
        "collegiale-consultatie": N_("collegiale consultatie"),
        "lesbezoek": N_("lesbezoek"),
        "studiebezoek": N_("studiebezoek"),
    },
    {
        "collegiale visitatie": "visitatie",
        "consultatie": "collegiale-consultatie",
        "klassenbezoek": "lesbezoek",
        "werkbezoek": "studiebezoek",
    },
)
class Bezoeksoort(enum.StrEnum):
    """The kinds of school visit: a visitatie (a team of peers looks at the school with
    the school's own question), a collegiale consultatie (colleagues advise on one
    question), a lesbezoek (a lesson watched) and a studiebezoek (a visit to learn
    from what the host is proud of).

    .. versionadded:: 0.2.0
    """

    VISITATIE = "visitatie"
    COLLEGIALE_CONSULTATIE = "collegiale-consultatie"
    LESBEZOEK = "lesbezoek"
    STUDIEBEZOEK = "studiebezoek"


BezoeksoortWaarde = Literal["visitatie", "collegiale-consultatie", "lesbezoek", "studiebezoek"]
"""A :class:`Bezoeksoort` as text."""
