"""The data format for editors, written out from the same models that validate the data."""
from __future__ import annotations

from markupsafe import Markup

from .. import models, models_leaflets, models_linking, models_plain
from . import Renderer

DOCUMENTED = [
    ("policy_data/organizations.yaml", models.OrganizationList),
    ("policy_data/references.yaml", models.ReferenceList),
    ("policy_data/plans/<方案id>/plan.yaml", models.Plan),
    ("policy_data/plans/<方案id>/tasks.yaml", models.TaskList),
    ("policy_data/plans/<方案id>/documents.yaml", models.DocumentList),
    ("policy_data/redirects.yaml", models_linking.RedirectList),
    ("policy_data/changes.yaml", models_linking.ChangeList),
    ("policy_data/plans/<方案id>/explanations.yaml", models_plain.ExplanationList),
    ("policy_data/glossary.yaml", models_plain.Glossary),
    ("policy_data/questions.yaml", models_plain.QuestionList),
    ("policy_data/guides.yaml", models_plain.GuideList),
    ("policy_data/references_plain.yaml", models_plain.ReferenceNotes),
    ("policy_data/leaflets.yaml", models_leaflets.LeafletList),
]


def _type_of(spec: dict) -> str:
    if "$ref" in spec:
        return spec["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in spec:
        return " 或 ".join(_type_of(option) for option in spec["anyOf"] if option.get("type") != "null")
    if "enum" in spec:
        return " / ".join(str(value) for value in spec["enum"])
    if spec.get("type") == "array":
        return f"{_type_of(spec.get('items', {}))} 的列表"
    return {"string": "文本", "integer": "整数", "number": "数字", "boolean": "是/否"}.get(spec.get("type", ""), "任意")


def _fields(schema: dict) -> list[dict]:
    required = set(schema.get("required", []))
    return [
        {"name": name, "type": _type_of(spec), "required": name in required,
         "description": spec.get("description", "")}
        for name, spec in schema.get("properties", {}).items()
    ]


def data_format(r: Renderer) -> Markup:
    files, definitions = [], {}
    for path, model in DOCUMENTED:
        schema = model.model_json_schema()
        files.append({"path": path, "model": model.__name__, "fields": _fields(schema)})
        for name, definition in schema.get("$defs", {}).items():
            definitions[name] = {"doc": definition.get("description", ""), "fields": _fields(definition)}
    return r.render("data_format.html", files=files, definitions=sorted(definitions.items()))


MACROS = {"data_format": data_format}
