from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'opportunities.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_t = resolve('t')
    l_0_by_stage = resolve('by_stage')
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
    yield str(environment.finalize(t_4(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.opportunities.title'))))
    yield '\n---\n# '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.opportunities.title')))
    yield '\n\n'
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.opportunities.intro')))
    yield '\n\n'
    def t_5(fiter):
        for (l_1_stage, l_1_items) in fiter:
            if l_1_items:
                yield (l_1_stage, l_1_items)
    l_1_loop = missing
    for (l_1_stage, l_1_items), l_1_loop in LoopContext(t_5(context.call(environment.getattr((undefined(name='by_stage') if l_0_by_stage is missing else l_0_by_stage), 'items'))), undefined):
        _loop_vars = {}
        pass
        yield '## '
        yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), str_join(('page.opportunities.stage.', l_1_stage, )), _loop_vars=_loop_vars)))
        yield ' { #'
        yield str(environment.finalize(l_1_stage))
        yield ' }\n\n<div class="kmsat-opportunity-list" markdown>\n\n'
        l_2_loop = missing
        for l_2_tq, l_2_loop in LoopContext(l_1_items, undefined):
            l_2_fw = resolve('fw')
            l_2_served = missing
            _loop_vars = {}
            pass
            l_2_served = context.call(environment.getattr((undefined(name='fw') if l_2_fw is missing else l_2_fw), 'criteria_using'), environment.getattr(l_2_tq, 'id'), _loop_vars=_loop_vars)
            _loop_vars['served'] = l_2_served
            yield '- **['
            yield str(environment.finalize(t_3(environment.getattr(l_2_tq, 'title'))))
            yield '](../opportunities/'
            yield str(environment.finalize(environment.getattr(l_2_tq, 'id')))
            yield '.md)**: '
            yield str(environment.finalize(t_2(t_3(environment.getattr(l_2_tq, 'summary')))))
            yield '\n  <br><span class="kmsat-serves">'
            yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.opportunities.serves', _loop_vars=_loop_vars)))
            yield ' '
            l_3_loop = missing
            t_6 = 1
            for l_3_c, l_3_loop in LoopContext((undefined(name='served') if l_2_served is missing else l_2_served), undefined):
                _loop_vars = {}
                pass
                yield str(environment.finalize(t_1(environment.getattr(l_3_c, 'title'))))
                if (not environment.getattr(l_3_loop, 'last')):
                    pass
                    yield '; '
                t_6 = 0
            l_3_loop = l_3_c = missing
            if t_6:
                pass
                yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.technique.servesNone')))
            yield '</span>\n'
        l_2_loop = l_2_tq = l_2_fw = l_2_served = missing
        yield '\n</div>\n\n'
    l_1_loop = l_1_stage = l_1_items = missing

blocks = {}
debug_info = '2=38&4=40&6=42&8=44&9=53&14=58&15=63&16=66&17=72'