"""Command groups that live in their own modules; registered on the ``pbd`` group in :mod:`pbd.cli`."""
