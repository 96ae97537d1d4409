"""The `kmsat` MkDocs plugin: the one way in from MkDocs, for every site.

An edition's mkdocs.yml names it (`plugins: - kmsat`); the national site's
hooks/kmsat.py hands its events to it with the options from `extra.kmsat`.
Either way the options are this typed, validated config, and the events run
the same code (lifecycle.py): the national site's settings (site.yml), the
model loaded and checked once, pages and assets added, the CSP filled in.
"""

from __future__ import annotations

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

from .site_defaults import apply_site_defaults


class KmsatPluginConfig(Config):
    # An edition: its overlay file, beside mkdocs.yml.
    overlay = config_options.Type(str, default="edition.yml")
    # A framework directory of its own instead of an overlay (the national site).
    framework = config_options.Type(str, default="")
    # Another national framework directory under the overlay; only tests
    # simulating a national update need it. Empty: the one installed with kmsat.
    national = config_options.Type(str, default="")


class KmsatPlugin(BasePlugin[KmsatPluginConfig]):
    supports_multiple_instances = False

    @event_priority(100)  # before Material's offline plugin adds its CDN shim
    def on_config(self, config):
        from .lifecycle import KmsatBuild

        apply_site_defaults(config)
        self.build = KmsatBuild.load(config, self.config)
        return self.build.configure(config)

    def on_files(self, files, config):
        return self.build.add_files(files, config)

    def on_env(self, env, config, files):
        self.build.plan_csp(config, files)
        return env

    @event_priority(-100)  # last, so whatever other plugins add is sanitised too
    def on_page_content(self, html, page, config, files):
        from .sanitise import sanitise_html

        return sanitise_html(html)

    def on_post_page(self, output, page, config):
        return self.build.add_csp(output, config, page=page)

    def on_post_template(self, output_content, template_name, config):
        if template_name.endswith(".html"):
            return self.build.add_csp(output_content, config, template_name=template_name)
        return output_content

    def on_post_build(self, config):
        self.build.write_csp_headers(config)

    def on_serve(self, server, config, builder):
        self.build.watch(server)
        return server
