"""manifest.txt's bundles, as the build reads them (kmsat_build/bundles.py)."""

from __future__ import annotations

import json
import re

import pytest

from kmsat_build.bundles import build_outputs, bundle_table, parse_manifest, read_manifest

MANIFEST = """
# a comment
[site]
css/kmsat.css
js/boot.js

[tool] #kmsat-tool, .kmsat-tool
css/tool.css
js/core/a.js

[present]
js/present.js
"""


def test_bundles_are_named_with_their_mount_points_and_files_in_order():
    site, tool, present = parse_manifest(MANIFEST)
    assert (site.name, site.files) == ("site", ["css/kmsat.css", "js/boot.js"])
    assert tool.mount == ["#kmsat-tool", ".kmsat-tool"]  # a '#' inside a line starts a selector
    assert tool.files == ["css/tool.css", "js/core/a.js"]
    assert (site.output("js"), site.output("css")) == ("kmsat.js", "kmsat.css")
    assert (tool.output("js"), tool.output("css")) == ("tool.js", "tool.css")
    assert (present.mount, present.output("css")) == ([], "")


def test_the_boot_script_gets_the_table_of_on_demand_bundles():
    table = bundle_table(parse_manifest(MANIFEST))
    prefix = "(self.KMSAT=self.KMSAT||{}).bundles="
    assert table.startswith(prefix) and table.endswith(";")
    assert json.loads(table[len(prefix) : -1]) == {
        "tool": {
            "js": "tool.js",
            "mount": ["#kmsat-tool", ".kmsat-tool"],
            "css": "tool.css",
        },
        "present": {"js": "present.js", "mount": []},
    }


@pytest.mark.parametrize(
    "text, message",
    [
        ("js/boot.js\n[site]\n", "before any [bundle]"),
        ("[site]\nboot.js\n", "not a js/, css/ or vendor/*.js file"),
        ("[tool]\njs/a.js\n", "one [site] bundle"),
        ("[site]\njs/a.js\n[site]\njs/b.js\n", "unique bundle names"),
    ],
)
def test_a_broken_manifest_is_refused_with_its_line(text, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_manifest(text)


def test_the_real_manifest_builds_every_bundle():
    outputs = build_outputs(read_manifest())
    assert {"kmsat.js", "kmsat.css", "assessment.js", "compare.js"} <= set(outputs)
    assert outputs["kmsat.js"].startswith("(self.KMSAT=self.KMSAT||{}).bundles=")
    assert "/**" not in outputs["assessment.js"]
