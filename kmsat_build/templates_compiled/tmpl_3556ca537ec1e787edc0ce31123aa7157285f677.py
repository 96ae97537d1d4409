from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'technique.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_technique = resolve('technique')
    l_0_t = resolve('t')
    l_0_serves = resolve('serves')
    l_0_related = resolve('related')
    try:
        t_1 = environment.filters['h']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'h' found.")
    try:
        t_2 = environment.filters['one_line']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'one_line' found.")
    try:
        t_3 = environment.filters['text']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'text' found.")
    try:
        t_4 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
    pass
    yield '---\ntitle: '
    yield str(environment.finalize(t_4(t_3(environment.getattr((undefined(name='technique') if l_0_technique is missing else l_0_technique), 'title')))))
    yield '\n---\n# '
    yield str(environment.finalize(t_3(environment.getattr((undefined(name='technique') if l_0_technique is missing else l_0_technique), 'title'))))
    yield '\n\n<p class="kmsat-tags"><span class="kmsat-tag">'
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), str_join(('page.technique.kind.', environment.getattr((undefined(name='technique') if l_0_technique is missing else l_0_technique), 'kind'), )))))
    yield '</span> <span class="kmsat-tag">'
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), str_join(('page.technique.stage.', environment.getattr((undefined(name='technique') if l_0_technique is missing else l_0_technique), 'stage'), )))))
    yield '</span>'
    if environment.getattr((undefined(name='technique') if l_0_technique is missing else l_0_technique), 'time'):
        pass
        yield ' <span class="kmsat-tag">'
        yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.technique.time')))
        yield ' '
        yield str(environment.finalize(t_1(environment.getattr((undefined(name='technique') if l_0_technique is missing else l_0_technique), 'time'))))
        yield '</span>'
    yield '</p>\n\n<p class="kmsat-lead">'
    yield str(environment.finalize(t_1(environment.getattr((undefined(name='technique') if l_0_technique is missing else l_0_technique), 'summary'))))
    yield '</p>\n\n## '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.technique.what')))
    yield '\n\n'
    yield str(environment.finalize(environment.getattr((undefined(name='technique') if l_0_technique is missing else l_0_technique), 'what')))
    yield '\n\n## '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.technique.when')))
    yield '\n\n'
    yield str(environment.finalize(environment.getattr((undefined(name='technique') if l_0_technique is missing else l_0_technique), 'when')))
    yield '\n\n## '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.technique.roles')))
    yield '\n\n'
    for l_1_role in environment.getattr((undefined(name='technique') if l_0_technique is missing else l_0_technique), 'roles'):
        _loop_vars = {}
        pass
        yield '- **'
        yield str(environment.finalize(t_1(environment.getattr(l_1_role, 'who'))))
        yield ':** '
        yield str(environment.finalize(t_2(environment.getattr(l_1_role, 'does'))))
        yield '\n'
    l_1_role = missing
    yield '\n## '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.technique.prepare')))
    yield '\n\n'
    for l_1_item in environment.getattr((undefined(name='technique') if l_0_technique is missing else l_0_technique), 'prepare'):
        _loop_vars = {}
        pass
        yield '- '
        yield str(environment.finalize(t_2(l_1_item)))
        yield '\n'
    l_1_item = missing
    yield '\n## '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.technique.how')))
    yield '\n\n'
    for l_1_step in environment.getattr((undefined(name='technique') if l_0_technique is missing else l_0_technique), 'steps'):
        _loop_vars = {}
        pass
        yield '1. '
        yield str(environment.finalize(t_2(l_1_step)))
        yield '\n'
    l_1_step = missing
    yield '\n## '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.technique.output')))
    yield '\n\n'
    yield str(environment.finalize(environment.getattr((undefined(name='technique') if l_0_technique is missing else l_0_technique), 'output')))
    yield '\n\n## '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.technique.kls')))
    yield '\n\n'
    yield str(environment.finalize(environment.getattr((undefined(name='technique') if l_0_technique is missing else l_0_technique), 'kls_role')))
    yield '\n\n## '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.technique.watchOut')))
    yield '\n\n'
    for l_1_item in environment.getattr((undefined(name='technique') if l_0_technique is missing else l_0_technique), 'watch_out'):
        _loop_vars = {}
        pass
        yield '- '
        yield str(environment.finalize(t_2(l_1_item)))
        yield '\n'
    l_1_item = missing
    yield '\n'
    if environment.getattr((undefined(name='technique') if l_0_technique is missing else l_0_technique), 'local_examples'):
        pass
        yield '## '
        yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.technique.localExamples')))
        yield '\n\n'
        for l_1_ex in environment.getattr((undefined(name='technique') if l_0_technique is missing else l_0_technique), 'local_examples'):
            _loop_vars = {}
            pass
            yield '### '
            yield str(environment.finalize(t_3(environment.getattr(l_1_ex, 'title'))))
            yield '\n\n'
            yield str(environment.finalize(environment.getattr(l_1_ex, 'body')))
            yield '\n\n'
        l_1_ex = missing
    yield '## '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.technique.serves')))
    yield '\n\n'
    t_5 = 1
    for l_1_c in (undefined(name='serves') if l_0_serves is missing else l_0_serves):
        l_1_element_of = resolve('element_of')
        _loop_vars = {}
        pass
        yield '- ['
        yield str(environment.finalize(t_3(environment.getattr(environment.getitem((undefined(name='element_of') if l_1_element_of is missing else l_1_element_of), environment.getattr(l_1_c, 'id')), 'title'))))
        yield ': '
        yield str(environment.finalize(t_3(environment.getattr(l_1_c, 'title'))))
        yield '](../elements/'
        yield str(environment.finalize(environment.getattr(environment.getitem((undefined(name='element_of') if l_1_element_of is missing else l_1_element_of), environment.getattr(l_1_c, 'id')), 'id')))
        yield '.md#'
        yield str(environment.finalize(environment.getattr(l_1_c, 'id')))
        yield '): '
        yield str(environment.finalize(t_2(t_3(environment.getattr(l_1_c, 'statement')))))
        yield '\n'
        t_5 = 0
    l_1_c = l_1_element_of = missing
    if t_5:
        pass
        yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.technique.servesNone')))
        yield '\n'
    if (undefined(name='related') if l_0_related is missing else l_0_related):
        pass
        yield '\n## '
        yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.technique.related')))
        yield '\n\n'
        for l_1_r in (undefined(name='related') if l_0_related is missing else l_0_related):
            _loop_vars = {}
            pass
            yield '- ['
            yield str(environment.finalize(t_3(environment.getattr(l_1_r, 'title'))))
            yield '](../opportunities/'
            yield str(environment.finalize(environment.getattr(l_1_r, 'id')))
            yield '.md): '
            yield str(environment.finalize(t_2(t_3(environment.getattr(l_1_r, 'summary')))))
            yield '\n'
        l_1_r = missing

blocks = {}
debug_info = '2=40&4=42&6=44&8=56&10=58&12=60&14=62&16=64&18=66&20=68&21=72&24=78&26=80&27=84&30=88&32=90&33=94&36=98&38=100&40=102&42=104&44=106&46=108&47=112&50=116&51=119&53=121&54=125&56=127&60=131&62=134&63=139&65=153&67=155&69=158&71=160&72=164'