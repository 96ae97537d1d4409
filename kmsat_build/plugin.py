"""The `kmsat` MkDocs plugin: what an edition's mkdocs.yml names.

It gives the edition the national site's settings and builds its pages from
the national framework with the edition's overlay (edition.yml) applied.
The national site uses the same machinery through hooks/kmsat.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority

from .mkdocs_integration import KmsatBuild
from .sanitise import sanitise_html
from .site_defaults import apply_site_defaults


class KmsatPluginConfig(Config):
    overlay = config_options.Type(str, default="edition.yml")
    # Another national framework directory; only tests simulating a national
    # update need it. Empty: the one installed with kmsat.
    national = config_options.Type(str, default="")


class KmsatPlugin(BasePlugin[KmsatPluginConfig]):
    supports_multiple_instances = False

    @event_priority(100)  # before Material's offline plugin adds its CDN shim
    def on_config(self, config):
        apply_site_defaults(config)
        folder = Path(config.config_file_path).resolve().parent
        national = (folder / self.config.national).resolve() if self.config.national else None
        self.build = KmsatBuild.for_edition(config, folder, self.config.overlay, national)
        return self.build.configure(config)

    def on_files(self, files, config):
        return self.build.add_files(files, config)

    @event_priority(-100)  # last, so whatever other plugins add is sanitised too
    def on_page_content(self, html, page, config, files):
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
