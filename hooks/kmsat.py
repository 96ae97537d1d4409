"""The national site's entry: its MkDocs events, handed to the `kmsat` plugin.

Its options are `extra.kmsat` in mkdocs.yml, validated by the plugin's own
config (kmsat_build/plugin.py), so the national site and every edition run
one code path.
"""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kmsat_build.plugin import KmsatPlugin

_plugin = KmsatPlugin()


# Before Material's offline plugin, which adds a CDN shim unless we list ours.
@event_priority(100)
def on_config(config):
    options = (config.extra or {}).get("kmsat") or {}
    errors, warnings = _plugin.load_config(options, config.config_file_path)
    problems = [f"extra.kmsat.{key}: {message}" for key, message in errors + warnings]
    if problems:
        raise PluginError("\n".join(problems))
    return _plugin.on_config(config)


def on_files(files, config):
    return _plugin.on_files(files, config)


def on_env(env, config, files):
    return _plugin.on_env(env, config, files)


def on_serve(server, config, builder):
    return _plugin.on_serve(server, config, builder)


# Last, so whatever other plugins add to the content is sanitised too.
@event_priority(-100)
def on_page_content(html, page, config, files):
    return _plugin.on_page_content(html, page, config, files)


def on_post_page(output, page, config):
    return _plugin.on_post_page(output, page, config)


def on_post_template(output_content, template_name, config):
    return _plugin.on_post_template(output_content, template_name, config)


def on_post_build(config):
    _plugin.on_post_build(config)
