"""The printing settings: the README's example is valid, bad values are named with the fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from printing.routing import rules_from_config
from workstation.settings import SettingsError, load_settings

README = Path(__file__).resolve().parents[2] / "README.md"


def _readme_example() -> str:
    text = README.read_text(encoding="utf-8")
    after = text.split("Settings (TOML) for printing", 1)[1]
    match = re.search(r"```toml\n(.*?)```", after, re.S)
    assert match, "the README lost its printing settings example"
    return match.group(1)


def test_the_readme_example_loads(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(_readme_example(), encoding="utf-8")
    settings = load_settings(path)
    assert settings.label_printer == "tcp://192.168.1.40:9100"
    assert settings.slip_printer.startswith("escpos+network://")
    assert (settings.label_size, settings.label_dpi, settings.label_format) == ("4x6", 203, "zpl")
    table = rules_from_config(settings.routing_rules, settings.routing_default)
    assert table.code_for("ID", "12190") == "JKT"
    assert table.code_for("ID", "17530") == "BKS"
    assert table.code_for("SG", "12190") == "XX"


@pytest.mark.parametrize(("toml", "words"), [
    ('[labels]\nformat = "epl"\n', "labels.format is 'epl'; use one of 'zpl', 'pdf'"),
    ("[labels]\ndpi = 600\n", "labels.dpi is 600"),
    ('[labels]\nslip_format = "fax"\n', "labels.slip_format"),
    ('[routing]\nrules = "JKT"\n', "routing.rules must be a list of tables"),
])
def test_bad_printing_settings_name_the_key_and_the_choices(
    tmp_path: Path, toml: str, words: str
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(SettingsError) as err:
        load_settings(path)
    assert words in str(err.value) and str(path) in str(err.value)
