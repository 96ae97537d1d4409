"""One way in from MkDocs: the national hooks hand their events to the typed kmsat plugin."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from tests.conftest import ROOT


def _national_config(**extra_kmsat):
    return load_config(str(ROOT / "mkdocs.yml"), extra={"kmsat": extra_kmsat})


def test_national_options_are_validated_by_the_plugin_config():
    config = _national_config(framwork="framework")
    with pytest.raises(PluginError, match="extra.kmsat.framwork: Unrecognised configuration"):
        config.plugins.on_config(config)


def test_national_option_of_the_wrong_type_is_refused():
    config = _national_config(framework=3)
    with pytest.raises(PluginError, match="extra.kmsat.framework: Expected type"):
        config.plugins.on_config(config)


def test_national_hook_runs_the_plugin():
    from kmsat_build.plugin import KmsatPlugin

    config = _national_config(framework="framework")
    config = config.plugins.on_config(config)
    hooks = [p for name, p in config.plugins.items() if name.startswith("hooks/")]
    plugin = hooks[0]._plugin
    assert isinstance(plugin, KmsatPlugin)
    assert plugin.config.framework == "framework" and plugin.config.overlay == "edition.yml"
    assert plugin.build.framework.edition.id == "national"
    assert config.theme["language"] == "en"
