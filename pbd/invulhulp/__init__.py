"""Reading exports of the Rijksoverheid "Invulhulp voor Pre-scan, DPIA en IAMA": reader, mapping table, and the Invulhulp's own rules."""

from __future__ import annotations
