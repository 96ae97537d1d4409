from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'element.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_element = resolve('element')
    l_0_t = resolve('t')
    try:
        t_1 = environment.filters['h']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'h' found.")
    try:
        t_2 = environment.filters['indent']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'indent' found.")
    try:
        t_3 = environment.filters['one_line']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'one_line' found.")
    try:
        t_4 = environment.filters['text']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'text' found.")
    try:
        t_5 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
    pass
    yield '---\ntitle: '
    yield str(environment.finalize(t_5(t_4(environment.getattr((undefined(name='element') if l_0_element is missing else l_0_element), 'title')))))
    yield '\n---\n# '
    yield str(environment.finalize(t_4(environment.getattr((undefined(name='element') if l_0_element is missing else l_0_element), 'title'))))
    yield '\n\n<p class="kmsat-lead">'
    yield str(environment.finalize(t_1(environment.getattr((undefined(name='element') if l_0_element is missing else l_0_element), 'summary'))))
    yield '</p>\n\n'
    yield str(environment.finalize(environment.getattr((undefined(name='element') if l_0_element is missing else l_0_element), 'description')))
    yield '\n\n## '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.element.criteria')))
    yield '\n\n'
    l_1_loop = missing
    for l_1_c, l_1_loop in LoopContext(environment.getattr((undefined(name='element') if l_0_element is missing else l_0_element), 'criteria'), undefined):
        l_1_scale = resolve('scale')
        _loop_vars = {}
        pass
        yield '### '
        yield str(environment.finalize(environment.getattr((undefined(name='element') if l_0_element is missing else l_0_element), 'order')))
        yield '.'
        yield str(environment.finalize(environment.getattr(l_1_loop, 'index')))
        yield ' '
        yield str(environment.finalize(t_4(environment.getattr(l_1_c, 'title'))))
        yield ' { #'
        yield str(environment.finalize(environment.getattr(l_1_c, 'id')))
        yield ' }\n\n<p class="kmsat-statement">'
        yield str(environment.finalize(t_1(environment.getattr(l_1_c, 'statement'))))
        yield '</p>\n\n'
        if environment.getattr(l_1_c, 'hint'):
            pass
            yield '!!! tip kmsat-look-for "'
            yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.element.lookFor', _loop_vars=_loop_vars)))
            yield '"\n\n'
            yield str(environment.finalize(t_2(environment.getattr(l_1_c, 'hint'), 4, first=True)))
            yield '\n\n'
        yield '| '
        yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.element.level', _loop_vars=_loop_vars)))
        yield ' | '
        yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.element.looksLike', _loop_vars=_loop_vars)))
        yield ' |\n| --- | --- |\n'
        for l_2_level in environment.getattr((undefined(name='scale') if l_1_scale is missing else l_1_scale), 'levels'):
            _loop_vars = {}
            pass
            yield '| **'
            yield str(environment.finalize(environment.getattr(l_2_level, 'value')))
            yield ' '
            yield str(environment.finalize(t_4(environment.getattr(l_2_level, 'label'))))
            yield '** | '
            yield str(environment.finalize(t_3(environment.getitem(environment.getattr(l_1_c, 'levels'), environment.getattr(l_2_level, 'id')))))
            yield ' |\n'
        l_2_level = missing
        yield '\n'
        if environment.getattr(l_1_c, 'local_examples'):
            pass
            yield '!!! example "'
            yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.criterion.localExamples', _loop_vars=_loop_vars)))
            yield '"\n\n'
            for l_2_ex in environment.getattr(l_1_c, 'local_examples'):
                _loop_vars = {}
                pass
                yield '    **'
                yield str(environment.finalize(t_4(environment.getattr(l_2_ex, 'title'))))
                yield '**\n\n'
                yield str(environment.finalize(t_2(environment.getattr(l_2_ex, 'body'), 4, first=True)))
                yield '\n\n'
            l_2_ex = missing
        yield '**'
        yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.element.opportunities', _loop_vars=_loop_vars)))
        yield '** '
        l_2_loop = missing
        for l_2_tid, l_2_loop in LoopContext(environment.getattr(l_1_c, 'opportunities'), undefined):
            l_2_fw = resolve('fw')
            _loop_vars = {}
            pass
            yield '['
            yield str(environment.finalize(t_4(environment.getattr(context.call(environment.getattr((undefined(name='fw') if l_2_fw is missing else l_2_fw), 'technique'), l_2_tid, _loop_vars=_loop_vars), 'title'))))
            yield '](../opportunities/'
            yield str(environment.finalize(l_2_tid))
            yield '.md)'
            if (not environment.getattr(l_2_loop, 'last')):
                pass
                yield ' · '
        l_2_loop = l_2_tid = l_2_fw = missing
        yield '\n\n'
    l_1_loop = l_1_c = l_1_scale = missing

blocks = {}
debug_info = '2=44&4=46&6=48&8=50&10=52&12=55&13=60&15=68&17=70&18=73&20=75&23=78&25=82&26=86&29=94&30=97&32=99&33=103&35=105&39=109'