"""The questionnaire views: pages per part, autosave per field (a version per save), list items, roles, escaping."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

from pbd.web.models import Version
from tests.web.conftest import ROOT

HX = {"HTTP_HX_REQUEST": "true"}


def _url(dossier: Any, part: str = "eerste", action: str = "") -> str:
    return f"/d/{dossier.pk}/vragen/{part}/" + (f"{action}/" if action else "")


def _save(client: Any, dossier: Any, field: str, *values: str, part: str = "eerste", hx: bool = True) -> Any:
    data = {"field": field, "value": list(values), "version": str(dossier.latest().number)}
    return client.post(_url(dossier, part, "opslaan"), data, **(HX if hx else {}))


def test_the_questionnaire_starts_with_the_first_pass(team: dict[str, Any], login: Any) -> None:
    client = login(team["users"]["editor"])
    d = team["dossier"]
    start = client.get(f"/d/{d.pk}/vragen/")
    assert start.status_code == 302 and start["Location"].endswith("/vragen/eerste/")
    page = client.get(_url(d))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Eerste ronde: de screening" in html
    assert re.search(r"Project</a> <span class=\"muted\">\(\d+ van \d+\)</span>", html)
    assert 'name="field" value="project.new_legislation"' in html
    assert '<a href="#f-project-organisation-q">naar de eerste open vraag</a>' in html
    assert 'id="live-panel"' in html and "DPIA NOG NIET TE BEPALEN" in html
    # a processing is added from the first pass: the screening needs one
    assert 'name="list" value="processings"' in html


def test_an_autosave_creates_the_next_version_and_answers_with_the_message_and_the_panel(
    team: dict[str, Any], login: Any
) -> None:
    d = team["dossier"]
    editor = team["users"]["editor"]
    client = login(editor)
    before = d.latest().number
    response = _save(client, d, "project.new_legislation", "no")
    assert response.status_code == 200, response.content[:1000]
    html = response.content.decode()
    latest = d.latest()
    assert latest.number == before + 1
    assert latest.author == editor
    assert "new_legislation: false" in latest.text
    assert f"Opgeslagen als versie {latest.number}." in html
    assert 'id="live-panel"' in html and 'hx-swap-oob="true"' in html
    assert f'id="q-base" name="version" value="{latest.number}"' in html
    assert 'id="q-parts"' in html and html.count('hx-swap-oob="true"') >= 4
    assert re.search(r'id="q-progress" hx-swap-oob="true">\d+ van \d+ vragen beantwoord', html)
    # the same answer again: no new version
    again = _save(client, d, "project.new_legislation", "no")
    assert again.status_code == 200 and "Ongewijzigd" in again.content.decode()
    assert d.latest().number == latest.number
    # "weet niet" is not "nee": it removes the answer, so the fact is unknown again
    _save(client, d, "project.new_legislation", "")
    assert "new_legislation" not in d.latest().text


def test_an_invalid_value_gives_a_message_in_place_and_no_version(team: dict[str, Any], login: Any) -> None:
    d = team["dossier"]
    client = login(team["users"]["privacy_officer"])
    client.post(_url(d, "eerste", "toevoegen"), {"list": "processings", "key": "tellen"})
    number = d.latest().number
    response = _save(client, d, "processings.0.scale.data_subjects", "heel veel", part="processings.0")
    assert response.status_code == 422
    html = response.content.decode()
    assert "Niet opgeslagen:" in html and "heel getal" in html
    assert 'id="live-panel"' not in html
    assert d.latest().number == number
    # an enum value that is not among the choices
    bad = _save(client, d, "project.phase", "morgen")
    assert bad.status_code == 422 and d.latest().number == number


def test_without_javascript_a_save_redirects_to_the_question(team: dict[str, Any], login: Any) -> None:
    d = team["dossier"]
    client = login(team["users"]["owner"])
    response = _save(client, d, "project.organisation", "Gemeente Eindhoven", hx=False)
    assert response.status_code == 302
    assert response["Location"].endswith("/vragen/eerste/#f-project-organisation")
    wrong = _save(client, d, "project.phase", "morgen", hx=False)
    assert wrong.status_code == 400 and "Niet opgeslagen:" in wrong.content.decode()


def test_adding_a_processing_opens_its_page_and_its_first_pass_questions(team: dict[str, Any], login: Any) -> None:
    d = team["dossier"]
    client = login(team["users"]["editor"])
    response = client.post(_url(d, "eerste", "toevoegen"), {"list": "processings", "key": "wifi-tellen"})
    assert response.status_code == 302 and response["Location"].endswith("/vragen/eerste/#f-processings-0-set")
    # from the section of processings, a new one opens on its own page
    second = client.post(_url(d, "processings", "toevoegen"), {"list": "processings", "key": "camera-tellen"})
    assert second["Location"].endswith("/vragen/processings.1/#f-processings-1-set")
    page = client.get(_url(d)).content.decode()
    assert 'name="field" value="processings.0.collection.methods"' in page
    # answering "camera" makes the camera questions relevant: the page's questions come along out of band
    answered = _save(client, d, "processings.0.collection.methods", "camera", "wifi_sensor").content.decode()
    assert "Opgeslagen als versie" in answered
    assert 'id="q-fields" hx-swap-oob="true"' in answered
    assert "processings.0.collection.sensors.facial_recognition" in answered
    # a key that is not an identifier is refused with a suggestion
    bad = client.post(_url(d, "eerste", "toevoegen"), {"list": "processings", "key": "twee woorden"})
    assert bad.status_code == 400 and "twee-woorden" in bad.content.decode()


def test_pick_lists_offer_the_dossiers_own_systems_and_parties(team: dict[str, Any], login: Any) -> None:
    d = team["dossier"]
    client = login(team["users"]["editor"])
    client.post(_url(d, "systems", "toevoegen"), {"list": "systems", "key": "sensorplatform"})
    client.post(_url(d, "parties", "toevoegen"), {"list": "parties", "key": "SensorCo BV"})
    client.post(_url(d, "processings", "toevoegen"), {"list": "processings", "key": "tellen"})
    page = client.get(_url(d, "processings.0")).content.decode()
    assert re.search(r'name="value" value="sensorplatform"', page)
    assert re.search(r'name="value" value="SensorCo BV"', page)
    # countries by Dutch name, stored as their code
    parties = client.get(_url(d, "parties")).content.decode()
    assert '<datalist id="q-countries">' in parties and '<option value="Verenigde Staten">' in parties
    assert 'list="q-countries"' in parties
    assert _save(client, d, "parties.0.country", "Verenigde Staten", part="parties").status_code == 200
    assert "country: US" in d.latest().text
    shown = client.get(_url(d, "parties")).content.decode()
    assert 'name="value" value="Verenigde Staten" list="q-countries"' in shown
    assert _save(client, d, "parties.0.country", "Atlantis", part="parties").status_code == 422


def test_removing_an_item_that_is_referred_to_is_refused(team: dict[str, Any], login: Any) -> None:
    d = team["dossier"]
    client = login(team["users"]["editor"])
    client.post(_url(d, "systems", "toevoegen"), {"list": "systems", "key": "platform"})
    client.post(_url(d, "processings", "toevoegen"), {"list": "processings", "key": "tellen"})
    _save(client, d, "processings.0.systems", "platform", part="processings.0")
    number = d.latest().number
    refused = client.post(_url(d, "systems", "verwijderen"), {"item": "systems.0"})
    assert refused.status_code == 400 and "platform" in refused.content.decode()
    assert d.latest().number == number
    _save(client, d, "processings.0.systems", part="processings.0")  # nothing chosen: the list is cleared
    removed = client.post(_url(d, "systems", "verwijderen"), {"item": "systems.0"})
    assert removed.status_code == 302
    assert "systems" not in d.latest().text.split("processings")[0]


def test_a_viewer_reads_but_cannot_autosave(team: dict[str, Any], login: Any) -> None:
    d = team["dossier"]
    client = login(team["users"]["viewer"])
    page = client.get(_url(d))
    assert page.status_code == 200
    html = page.content.decode()
    assert "hx-post" not in html and " disabled" in html
    number = d.latest().number
    assert _save(client, d, "project.new_legislation", "yes").status_code == 403
    assert client.post(_url(d, "eerste", "toevoegen"), {"list": "processings", "key": "x"}).status_code == 403
    assert d.latest().number == number


def test_a_non_member_gets_404_and_anonymous_the_login(team: dict[str, Any], login: Any, client: Any) -> None:
    d = team["dossier"]
    anonymous = client.get(_url(d))
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    outsider = login(team["outsider"])
    assert outsider.get(_url(d)).status_code == 404
    assert _save(outsider, d, "project.new_legislation", "yes").status_code == 404
    assert outsider.get(f"/d/{d.pk}/vragen/paneel/").status_code == 404


def test_unknown_parts_and_fields_are_refused(team: dict[str, Any], login: Any) -> None:
    d = team["dossier"]
    client = login(team["users"]["owner"])
    assert client.get(_url(d, "bestaat-niet")).status_code == 404
    assert client.get(_url(d, "processings.0.purposes")).status_code == 404
    assert _save(client, d, "project.__class__", "x").status_code == 400
    assert _save(client, d, "processings", "x").status_code == 400
    # a processing that does not exist (yet)
    assert _save(client, d, "processings.3.name", "x", part="processings").status_code == 422


def test_an_xss_string_comes_back_escaped(team: dict[str, Any], login: Any) -> None:
    d = team["dossier"]
    client = login(team["users"]["editor"])
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    assert _save(client, d, "project.summary", evil).status_code == 200
    page = client.get(_url(d)).content.decode()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    # echoed in an error message, escaped too
    bad = _save(client, d, "project.phase", evil).content.decode()
    assert "<script>alert" not in bad
    wrong = _save(client, d, "parties.0.country", evil, part="parties")
    assert "<script>alert" not in wrong.content.decode()


def test_the_page_is_labelled_for_keyboard_and_screen_reader_use(team: dict[str, Any], login: Any) -> None:
    d = team["dossier"]
    client = login(team["users"]["editor"])
    html = client.get(_url(d)).content.decode()
    # every text input and select has a label, and points at its help and its message area
    for m in re.finditer(r'<(?:input type="text"|select|textarea) id="(f-[^"]+)"[^>]*aria-describedby="([^"]+)"', html):
        field, described = m.group(1), m.group(2)
        assert re.search(rf'<label[^>]* for="{field}"', html), field
        message = field.removesuffix("-key")  # an add action's key: the message area of the action
        assert f"{message}-msg" in described.split()
        assert f'id="{message}-msg" role="status"' in html
    # radio groups are fieldsets with a legend; the help is a keyboard-reachable <details>
    assert '<fieldset class="q-group"' in html and '<legend class="q-label">' in html
    assert '<details class="q-help">' in html and "<summary>" in html
    assert 'tabindex="-1"' not in html.split('<div id="q-fields"')[1]  # nothing in the form taken out of tab order


@pytest.mark.slow
def test_autosave_time_on_the_largest_example(make_user: Any, make_dossier: Any, login: Any) -> None:
    """Not a timed test: measures one autosave (and the page) on Stratumseind and prints it for the report."""
    owner = make_user("meter")
    text = (ROOT / "examples" / "stratumseind.yaml").read_text(encoding="utf-8")
    d = make_dossier(owner, title="Stratumseind", text=text)
    client = login(owner)
    t0 = time.perf_counter()
    page = client.get(_url(d, "processings.0"))
    t1 = time.perf_counter()
    response = _save(client, d, "processings.0.description", "Gewijzigd door de meting.", part="processings.0")
    t2 = time.perf_counter()
    assert page.status_code == 200 and response.status_code == 200
    assert Version.objects.filter(dossier=d).count() == 2
    print(f"\nstratumseind: page processings.0 {1000 * (t1 - t0):.0f} ms, autosave {1000 * (t2 - t1):.0f} ms")


def test_every_question_has_its_comment_thread(team: dict[str, Any], login: Any) -> None:
    d = team["dossier"]
    client = login(team["users"]["editor"])
    html = client.get(_url(d)).content.decode()
    link = f"/d/{d.pk}/opmerkingen/?target_kind=question&amp;target=%24.project.new_legislation"
    assert link in html
    # the thread sits outside the question's own form (a comment form may not nest in it)
    question = html[html.index('id="f-project-new_legislation-form"') :]
    assert question.index("</form>") < question.index(link)
    posted = client.post(
        f"/d/{d.pk}/opmerkingen/",
        {"target_kind": "question", "target": "$.project.new_legislation", "text": "Navragen bij juridische zaken"},
        **HX,
    )
    assert posted.status_code == 200
    thread = client.get(link.replace("&amp;", "&")).content.decode()
    assert "Navragen bij juridische zaken" in thread


def test_the_questionnaire_in_english(team: dict[str, Any], login: Any) -> None:
    d = team["dossier"]
    client = login(team["users"]["editor"])
    client.post("/taal/", {"lang": "en", "next": _url(d)})
    html = client.get(_url(d)).content.decode()
    assert "First pass: the screening" in html and "Don&#x27;t know (still open)" in html
    assert "DPIA NOT YET DETERMINED" in html
    refused = _save(client, d, "project.phase", "tomorrow").content.decode()
    assert "Not saved:" in refused


def test_a_save_on_an_older_version_is_applied_to_the_latest_and_says_so(team: dict[str, Any], login: Any) -> None:
    d = team["dossier"]
    editor = login(team["users"]["editor"])
    base = d.latest().number
    _save(editor, d, "project.organisation", "Gemeente Eindhoven")  # someone else's save: base + 1
    data = {"field": "project.new_legislation", "value": ["no"], "version": str(base)}
    response = editor.post(_url(d, "eerste", "opslaan"), data, **HX)
    html = response.content.decode()
    assert response.status_code == 200 and "intussen is versie" in html
    latest = d.latest()
    assert latest.number == base + 2
    assert "organisation: Gemeente Eindhoven" in latest.text and "new_legislation: false" in latest.text
