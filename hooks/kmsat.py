"""MkDocs hooks: thin calls into kmsat_build (see kmsat_build/mkdocs_integration.py)."""

from mkdocs.plugins import event_priority

from kmsat_build.mkdocs_integration import KmsatBuild

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


def on_post_page(output, page, config):
    return _build.add_csp(output)


def on_post_template(output_content, template_name, config):
    return _build.add_csp(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config):
    _build.write_csp_headers(config)
