"""Hatch build hook: build the translations (``.qm``) into every wheel, editable ones too.

The ``.qm`` files are made from the committed ``.ts`` sources by PySide6's
``pyside6-lrelease`` (``tools/translations.py``), so ``pip install .`` and a
built wheel carry them without anyone committing a built file.
"""

import importlib.util
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TranslationsHook(BuildHookInterface):
    """Run ``tools/translations.py build`` before the wheel's files are gathered.

    The ``.qm`` files land in ``resources/translations/``, which the wheel
    already takes whole (``force-include`` in ``pyproject.toml``).
    """

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        script = Path(self.root) / "tools" / "translations.py"
        spec = importlib.util.spec_from_file_location("nnsim_translations", script)
        translations = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(translations)
        translations.build()
