from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'compare.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_t = resolve('t')
    l_0_data_json = resolve('data_json')
    try:
        t_1 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
    pass
    yield '---\ntitle: '
    yield str(environment.finalize(t_1(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.compare.title'))))
    yield '\n---\n# '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.compare.title')))
    yield '\n\n'
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.compare.intro')))
    yield '\n\n<div id="kmsat-data" hidden data-kmsat-json="'
    yield str(environment.finalize((undefined(name='data_json') if l_0_data_json is missing else l_0_data_json)))
    yield '"></div>\n\n<div class="kmsat-compare-nojs" id="kmsat-compare-nojs" markdown>\n\n!!! note "'
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.compare.noscriptTitle')))
    yield '"\n\n    '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.compare.noscript')))
    yield '\n\n</div>\n\n<div id="kmsat-compare" class="kmsat-compare" data-kmsat-compare></div>\n'

blocks = {}
debug_info = '2=20&4=22&6=24&8=26&12=28&14=30'