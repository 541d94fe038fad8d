"""Refresh the Vietnamese .ts from the sources and compile it to the .qm that ships.

    python scripts/update_translations.py [--fill translations.json] [--check]

pyside6-lupdate files the strings of module-level `tr()` helpers under an empty context,
while at run time each helper translates in its module's own context (for example
`QCoreApplication.translate("MainWindow", text)`). This script moves every such string
to the context its module's helper uses, keeps the translations already made, optionally
fills new ones from a JSON object {source: translation} (or {"context|source": …}),
and runs pyside6-lrelease. --check fails when a string has no translation.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "journey_studio_vi.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent
_HELPER = re.compile(r"def trn?\(.*?\n(?:.*\n){0,4}?.*?translate\(\s*\"([^\"]+)\"", re.M)


def sources() -> list[Path]:
    """Every Python module of the application."""
    return sorted(p for p in (ROOT / "app").rglob("*.py") if "__pycache__" not in p.parts)


def helper_contexts() -> dict[str, str]:
    """Module path → the context its `tr` helper translates in."""
    found = {}
    for path in sources():
        match = _HELPER.search(path.read_text(encoding="utf-8"))
        if match:
            found[str(path)] = match.group(1)
    # Modules that import a helper translate in the helper's module's context.
    for path in sources():
        if str(path) in found:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.ImportFrom) and node.module
                    and any(alias.name in ("tr", "trn") for alias in node.names)):
                module = ROOT / (node.module.replace(".", "/") + ".py")
                if str(module) in found:
                    found[str(path)] = found[str(module)]
    return found


def run_lupdate(out: Path) -> None:
    """Extract every string into a fresh .ts."""
    subprocess.run([str(BIN / "pyside6-lupdate"), *map(str, sources()), "-no-obsolete",
                    "-target-language", "vi_VN", "-ts", str(out)],
                   check=True, cwd=TS.parent, capture_output=True)


def load(path: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → the message element of a .ts file."""
    if not path.exists():
        return {}
    messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            messages[(name, message.findtext("source") or "")] = message
    return messages


def regroup(fresh: Path, contexts: dict[str, str]) -> ET.ElementTree:
    """Move strings of the empty context to their module's context."""
    tree = ET.parse(fresh)
    root = tree.getroot()
    by_name = {c.findtext("name") or "": c for c in root.iter("context")}
    empty = by_name.get("")
    if empty is None:
        return tree
    for message in list(empty.iter("message")):
        # lupdate merges one text used by several modules into one message: split it
        # by the context of each location.
        targets: dict[str, list[ET.Element]] = {}
        for location in message.findall("location"):
            filename = location.get("filename") or ""
            target = contexts.get(str((fresh.parent / filename).resolve()))
            if target is not None:
                targets.setdefault(target, []).append(location)
        if not targets:
            continue
        empty.remove(message)
        for target, locations in targets.items():
            copy = ET.fromstring(ET.tostring(message))
            for location in copy.findall("location"):
                copy.remove(location)
            for i, location in enumerate(locations):
                copy.insert(i, location)
            context = by_name.get(target)
            if context is None:
                context = ET.SubElement(root, "context")
                ET.SubElement(context, "name").text = target
                by_name[target] = context
            same = [m for m in context.iter("message")
                    if m.findtext("source") == copy.findtext("source")]
            if same:
                for location in locations:
                    same[0].insert(0, location)
            else:
                context.append(copy)
    if not list(empty.iter("message")):
        root.remove(empty)
    return tree


def add_plurals(tree: ET.ElementTree, contexts: dict[str, str]) -> None:
    """Add `trn("%n thing(s)", n)` strings, which lupdate does not know, as plural messages."""
    root = tree.getroot()
    by_name = {c.findtext("name") or "": c for c in root.iter("context")}
    for path in sources():
        context_name = contexts.get(str(path))
        if context_name is None:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "trn" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                continue
            context = by_name.get(context_name)
            if context is None:
                context = ET.SubElement(root, "context")
                ET.SubElement(context, "name").text = context_name
                by_name[context_name] = context
            source = node.args[0].value
            filename = os.path.relpath(path, TS.parent)
            found = [m for m in context.iter("message") if m.findtext("source") == source]
            if found:
                found[0].set("numerus", "yes")
                continue
            message = ET.SubElement(context, "message", numerus="yes")
            ET.SubElement(message, "location", filename=filename, line=str(node.lineno))
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation", type="unfinished")


def translate(tree: ET.ElementTree, old: dict, fill: dict[str, str]) -> list[str]:
    """Carry over old translations, add filled ones; return the untranslated sources."""
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            previous = old.get((name, source))
            text = fill.get(f"{name}|{source}") or fill.get(source)
            if text is None and previous is not None:
                done = previous.find("translation")
                if done is not None and done.get("type") not in ("unfinished", "vanished"):
                    text = done.text or ""
                    numerus = done.findall("numerusform")
                    if numerus:
                        text = [n.text or "" for n in numerus]
            if text is None:
                missing.append(f"{name}: {source}")
                continue
            translation.attrib.pop("type", None)
            if isinstance(text, list) or message.get("numerus") == "yes":
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                for form in (text if isinstance(text, list) else [text]):
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text
    return missing


def main(argv: list[str] | None = None) -> int:
    """Update the .ts, compile the .qm; report strings still untranslated."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fill", type=Path, help="JSON of new translations")
    parser.add_argument("--check", action="store_true", help="fail on untranslated strings")
    args = parser.parse_args(argv)
    fill = json.loads(args.fill.read_text(encoding="utf-8")) if args.fill else {}
    old = load(TS)
    # Written beside the real .ts, so that source locations are relative to the same place.
    fresh = TS.parent / ".fresh.ts"
    try:
        run_lupdate(fresh)
        contexts = helper_contexts()
        tree = regroup(fresh, contexts)
        add_plurals(tree, contexts)
    finally:
        fresh.unlink(missing_ok=True)
    missing = translate(tree, old, fill)
    ET.indent(tree, "    ")
    TS.parent.mkdir(parents=True, exist_ok=True)
    with open(TS, "wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
        handle.write(b"\n")
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True,
                   capture_output=True)
    for line in missing:
        print("untranslated:", line)
    print(f"{TS.name}: {len(missing)} untranslated; wrote {QM.name}")
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
