"""The built-in export formats: ``json``, ``csv`` and ``markdown``.

They register through the entry-point group ``onderzoekscyclus.exporteurs`` in this
package's ``pyproject.toml``, like any plugin; see :mod:`onderzoekscyclus.exporteren`.
"""
