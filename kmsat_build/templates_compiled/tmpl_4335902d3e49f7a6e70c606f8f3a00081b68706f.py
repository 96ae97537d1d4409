from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'home.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_t = resolve('t')
    l_0_home = resolve('home')
    try:
        t_1 = environment.filters['indent']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'indent' found.")
    try:
        t_2 = environment.filters['text']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'text' found.")
    try:
        t_3 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
    pass
    yield '---\ntitle: '
    yield str(environment.finalize(t_3(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.nav.home'))))
    yield '\nhide:\n  - navigation\n---\n# '
    yield str(environment.finalize(t_2(environment.getattr((undefined(name='home') if l_0_home is missing else l_0_home), 'title'))))
    yield '\n\n'
    yield str(environment.finalize(environment.getattr((undefined(name='home') if l_0_home is missing else l_0_home), 'intro')))
    yield '\n\n['
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.home.start')))
    yield '](assessment.md){ .md-button .md-button--primary .kmsat-start }\n<span class="kmsat-start__hint">'
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.home.startHint')))
    yield '</span>\n\n'
    if environment.getattr((undefined(name='home') if l_0_home is missing else l_0_home), 'parts_heading'):
        pass
        yield '## '
        yield str(environment.finalize(t_2(environment.getattr((undefined(name='home') if l_0_home is missing else l_0_home), 'parts_heading'))))
        yield '\n\n'
    yield '<div class="grid cards" markdown>\n\n'
    for l_1_part in environment.getattr((undefined(name='home') if l_0_home is missing else l_0_home), 'parts'):
        _loop_vars = {}
        pass
        yield '-   **'
        yield str(environment.finalize(t_2(environment.getattr(l_1_part, 'heading'))))
        yield '**\n\n    ---\n\n'
        yield str(environment.finalize(t_1(environment.getattr(l_1_part, 'body'), 4, first=True)))
        yield '\n\n'
    l_1_part = missing
    yield '</div>\n\n'
    if environment.getattr((undefined(name='home') if l_0_home is missing else l_0_home), 'outro'):
        pass
        yield str(environment.finalize(environment.getattr((undefined(name='home') if l_0_home is missing else l_0_home), 'outro')))
        yield '\n'

blocks = {}
debug_info = '2=32&6=34&8=36&10=38&11=40&13=42&14=45&19=48&20=52&24=54&29=58&30=60'