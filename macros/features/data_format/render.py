"""The data format for editors, written out from the same models that validate the data."""
from __future__ import annotations

from markupsafe import Markup

from macros.core.render import Renderer
from macros.core.schema_docs import fields_of
from macros.core.status import WORDING


def data_format(r: Renderer) -> Markup:
    files, definitions = [], {}
    for spec in r.catalog.file_specs:
        schema = spec.model.model_json_schema()
        files.append({"path": spec.documented_path, "model": spec.model.__name__, "fields": fields_of(schema)})
        for name, definition in schema.get("$defs", {}).items():
            definitions[name] = {"doc": definition.get("description", ""), "fields": fields_of(definition)}
    return r.render("data_format.html", files=files, definitions=sorted(definitions.items()),
                    status_wording=list(WORDING.items()))

