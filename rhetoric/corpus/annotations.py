"""Records exported by annotation tools (Prodigy, doccano, Label Studio) as flat rows of named values.

Each tool keeps the text and the researcher's own fields in its own place; these functions lift them
into one flat mapping (name → string, number, true/false or null) that the importer maps onto a
statement like a CSV row: statement fields by name (or ``--map``), everything else into ``meta``.
Labels the tool recorded become one ``labels`` value (joined with ``;``, first use first), so a
coded example keeps its codes.

- Prodigy (JSONL): ``text``; the keys of ``meta``; ``answer``; ``labels`` from ``spans``, ``label``
  and ``accept``; ``_input_hash`` / ``_task_hash``.
- doccano (JSONL): ``text``; every other plain key (the extra columns of a doccano project), the
  keys of an older ``meta`` object; ``doccano_id`` (doccano's ``id``); ``labels`` from ``label``
  (``["A", "B"]`` or ``[[start, end, "A"], ...]``) or ``entities``.
- Label Studio (JSON export, an array of tasks): the keys of ``data`` (``text`` and any others);
  ``label_studio_id``; ``labels`` from the ``labels``/``choices`` of every annotation not cancelled.

Example:
    >>> flat_prodigy({"text": "No.", "meta": {"speaker": "Putin"}, "answer": "accept",
    ...               "spans": [{"start": 0, "end": 2, "label": "REFUSAL"}]})
    {'speaker': 'Putin', 'text': 'No.', 'answer': 'accept', 'labels': 'REFUSAL'}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..errors import ValidationError

TOOLS = ("prodigy", "doccano", "label-studio")
#: Names of the tools as written in messages.
TOOL_NAMES = {"prodigy": "Prodigy", "doccano": "doccano", "label-studio": "Label Studio"}
#: Where each tool keeps the researcher's own fields (said in the error when speaker or date is missing).
FIELD_HOMES = {
    "prodigy": 'the keys of "meta"',
    "doccano": "the record's own keys",
    "label-studio": 'the keys of "data"',
}
_PRODIGY_MARKS = ("_input_hash", "_task_hash", "answer", "spans", "_view_id")
_DOCCANO_MARKS = ("label", "entities")  # as lists: a researcher's own "label" column is a plain value


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _scalars(obj: dict) -> dict[str, Any]:
    return {str(k): v for k, v in obj.items() if _scalar(v)}


def _joined(labels: Iterable[Any]) -> dict[str, str]:
    seen = list(dict.fromkeys(str(x) for x in labels if isinstance(x, str | int) and str(x).strip()))
    return {"labels": ";".join(seen)} if seen else {}


def sniff_tool(first: dict) -> str | None:
    """The tool a JSONL record comes from, or None for a plain statement record.

    Example:
        >>> sniff_tool({"text": "x", "_input_hash": 1}), sniff_tool({"text": "x", "label": ["A"]})
        ('prodigy', 'doccano')
        >>> sniff_tool({"speaker": "nato", "date": "2024", "text": "x", "label": "own column"}) is None
        True
    """
    if "speaker" not in first and any(k in first for k in _PRODIGY_MARKS):
        return "prodigy"
    if "text" in first and any(isinstance(first.get(k), list) for k in _DOCCANO_MARKS):
        return "doccano"
    return None


def flat_prodigy(obj: dict) -> dict[str, Any]:
    """A Prodigy task as a flat row (see the module docstring)."""
    meta = obj.get("meta")
    flat = _scalars(meta) if isinstance(meta, dict) else {}
    flat["text"] = obj.get("text")
    for key in ("answer", "_input_hash", "_task_hash"):
        if key in obj and _scalar(obj[key]):
            flat[key] = obj[key]
    spans = obj.get("spans") if isinstance(obj.get("spans"), list) else []
    labels = [s.get("label") for s in spans if isinstance(s, dict)]
    labels.append(obj.get("label"))
    if isinstance(obj.get("accept"), list):
        labels.extend(obj["accept"])
    return flat | _joined(labels)


def flat_doccano(obj: dict) -> dict[str, Any]:
    """A doccano record as a flat row (see the module docstring)."""
    meta = obj.get("meta")
    flat = _scalars(meta) if isinstance(meta, dict) else {}
    flat |= {k: v for k, v in _scalars(obj).items() if k not in ("id", "label")}
    if "id" in obj and _scalar(obj["id"]):
        flat["doccano_id"] = obj["id"]
    raw = obj.get("label")
    raw = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    labels = [x[-1] if isinstance(x, list) and x else x for x in raw]
    entities = obj.get("entities") if isinstance(obj.get("entities"), list) else []
    labels += [e.get("label") for e in entities if isinstance(e, dict)]
    return flat | _joined(labels)


def flat_label_studio(task: Any) -> dict[str, Any]:
    """A Label Studio task as a flat row (see the module docstring).

    Raises:
        ValidationError: If the task is not an object with a ``data`` object.

    Example:
        >>> flat_label_studio({"id": 4, "data": {"text": "No.", "speaker": "Putin"},
        ...     "annotations": [{"result": [{"value": {"choices": ["refusal"]}}]}]})
        {'text': 'No.', 'speaker': 'Putin', 'label_studio_id': 4, 'labels': 'refusal'}
    """
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise ValidationError(
            'expected a Label Studio task with a "data" object',
            field="data",
            hint="export the project from Label Studio as JSON (not JSON-MIN or CSV)",
        )
    flat = _scalars(task["data"])
    if "id" in task and _scalar(task["id"]):
        flat["label_studio_id"] = task["id"]
    labels: list[Any] = []
    annotations = task.get("annotations") if isinstance(task.get("annotations"), list) else []
    for ann in annotations:
        if not isinstance(ann, dict) or ann.get("was_cancelled"):
            continue
        for result in ann.get("result") or []:
            value = result.get("value") if isinstance(result, dict) else None
            if isinstance(value, dict):
                for key in ("labels", "choices"):
                    if isinstance(value.get(key), list):
                        labels.extend(value[key])
    return flat | _joined(labels)


FLATTEN = {"prodigy": flat_prodigy, "doccano": flat_doccano, "label-studio": flat_label_studio}
