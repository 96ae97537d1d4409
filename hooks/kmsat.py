"""MkDocs hooks: thin calls into kmsat_build (see kmsat_build/mkdocs_integration.py)."""

from mkdocs.plugins import event_priority

from kmsat_build.mkdocs_integration import KmsatBuild
from kmsat_build.sanitise import sanitise_html

_build: KmsatBuild | None = None


# Before Material's offline plugin, which adds a CDN shim unless we list ours.
@event_priority(100)
def on_config(config):
    global _build
    _build = KmsatBuild.from_config(config)
    return _build.configure(config)


def on_files(files, config):
    return _build.add_files(files, config)


def on_serve(server, config, builder):
    _build.watch(server)
    return server


# Last, so whatever other plugins add to the content is sanitised too.
@event_priority(-100)
def on_page_content(html, page, config, files):
    return sanitise_html(html)


def on_post_page(output, page, config):
    return _build.add_csp(output, config, page=page)


def on_post_template(output_content, template_name, config):
    if template_name.endswith(".html"):
        return _build.add_csp(output_content, config, template_name=template_name)
    return output_content


def on_post_build(config):
    _build.write_csp_headers(config)
