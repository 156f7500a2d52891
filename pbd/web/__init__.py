"""The web dossier (``pbd serve``): a Django app over the same engine, model and reporters as the CLI.

Nothing here is imported by the command line unless ``pbd serve`` runs; this package's ``__init__``
imports nothing from Django, so ``import pbd.web.config`` stays cheap and testable without it.
Install with ``pip install 'pbd[web]'``.
"""
