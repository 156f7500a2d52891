"""JUnit XML: one test case per finding, so CI dashboards show the checklist."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from pbd.engine.findings import Assessment
from pbd.knowledge_base import KnowledgeBase
from pbd.render import RenderOptions
from pbd.render.common import explanation, fix, title
from pbd.render.text import plain
from pbd.vocabulary import Status


def render(a: Assessment, kb: KnowledgeBase, options: RenderOptions) -> str:
    lang = options.lang
    counts = a.counts()
    suite = ET.Element(
        "testsuite",
        {
            "name": f"pbd: {a.project}",
            "tests": str(len(a.findings)),
            "failures": str(counts["gap"]),
            "errors": "0",
            "skipped": str(counts["not_applicable"] + counts["waived"] + counts["open"]),
            "timestamp": f"{a.date.isoformat()}T00:00:00",
        },
    )
    props = ET.SubElement(suite, "properties")
    for name, value in (
        ("file", a.file),
        ("input_sha256", a.input_sha256),
        ("knowledge_base", f"{a.kb_version} {a.kb_sha256}"),
        ("dpia", a.screening.dpia),
    ):
        ET.SubElement(props, "property", {"name": name, "value": value})
    for f in a.findings:
        case = ET.SubElement(
            suite,
            "testcase",
            {
                "classname": f"pbd.{f.group}.{f.rule}",
                "name": f"{f.rule} {f.target} {f.path}",
                "file": a.file,
                "line": str(f.line),
            },
        )
        text = f"{title(f, kb, lang)}: {explanation(f, kb, lang)}"
        if f.status is Status.GAP:
            failure = ET.SubElement(case, "failure", {"message": text, "type": f.severity.value})
            failure.text = fix(f, kb, lang)
        elif f.status is not Status.MET:
            ET.SubElement(case, "skipped", {"message": f"{f.status.value}: {text}"})
    for element in suite.iter():  # a project name or value may carry terminal escapes: not allowed in XML 1.0
        element.attrib = {k: plain(v) for k, v in element.attrib.items()}
        if element.text:
            element.text = plain(element.text)
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"
