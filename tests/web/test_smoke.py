"""The skeleton works end to end: log in, see the list, open a dossier."""

from __future__ import annotations

from typing import Any


def test_login_list_and_dossier_page(team: dict[str, Any], login: Any) -> None:
    client = login(team["users"]["owner"])
    page = client.get("/dossiers/")
    assert page.status_code == 200
    assert "Slimme lantaarnpalen" in page.content.decode()
    detail = client.get(f"/d/{team['dossier'].pk}/")
    assert detail.status_code == 200, detail.content[:2000]
    assert "DPIA" in detail.content.decode()
