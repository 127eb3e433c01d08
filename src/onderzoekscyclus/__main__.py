"""``python -m onderzoekscyclus`` runs the ``ozc`` command."""

from onderzoekscyclus.cli import main

if __name__ == "__main__":
    main()
