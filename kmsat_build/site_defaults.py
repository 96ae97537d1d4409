"""Apply the national site's MkDocs settings (kmsat_build/site.yml) to an edition.

The national mkdocs.yml INHERITs site.yml; an edition's mkdocs.yml names the
kmsat plugin instead, which calls this from on_config. Settings the edition
states itself in mkdocs.yml (other than these) are left alone.
"""

from __future__ import annotations

import logging
from importlib import resources

import yaml

LEVELS = {"warn": logging.WARNING, "info": logging.INFO, "ignore": logging.DEBUG}


def site_settings() -> dict:
    text = resources.files("kmsat_build").joinpath("site.yml").read_text()
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def apply_site_defaults(config) -> None:
    settings = site_settings()
    config.use_directory_urls = settings["use_directory_urls"]
    theme = settings["theme"]
    for key in ("font", "palette", "icon"):
        config.theme[key] = theme[key]
    features = list(config.theme.get("features") or [])
    config.theme["features"] = features + [f for f in theme["features"] if f not in features]
    for entry in settings["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
        if options:
            config.mdx_configs[name] = {**options, **config.mdx_configs.get(name, {})}
    for group, levels in settings["validation"].items():
        for key, level in levels.items():
            setattr(config.validation[group], key, LEVELS[level])
