from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'assessment.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_t = resolve('t')
    l_0_data_json = resolve('data_json')
    l_0_details = resolve('details')
    l_0_fw = resolve('fw')
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
    yield str(environment.finalize(t_4(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.assessment.title'))))
    yield '\nhide:\n  - toc\n---\n# '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.assessment.title')))
    yield '\n\n<div id="kmsat-data" hidden data-kmsat-json="'
    yield str(environment.finalize((undefined(name='data_json') if l_0_data_json is missing else l_0_data_json)))
    yield '"></div>\n\n<div class="kmsat-paper" id="kmsat-paper" markdown>\n\n!!! info "'
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.paper.title')))
    yield '"\n\n    '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.paper.intro')))
    yield '\n\n## '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.paper.details')))
    yield '\n\n| '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.paper.field')))
    yield ' | '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.paper.answer')))
    yield ' |\n| --- | --- |\n'
    for l_1_key in environment.getattr((undefined(name='details') if l_0_details is missing else l_0_details), 'fields'):
        _loop_vars = {}
        pass
        yield '| '
        yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), str_join(('page.paper.details.', l_1_key, )), _loop_vars=_loop_vars)))
        yield ' | <span class="kmsat-blank"></span> |\n'
    l_1_key = missing
    yield '| '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.paper.details.capacity')))
    yield ' | '
    l_1_loop = missing
    for l_1_c, l_1_loop in LoopContext(environment.getattr((undefined(name='details') if l_0_details is missing else l_0_details), 'capacities'), undefined):
        _loop_vars = {}
        pass
        yield '☐ '
        yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), str_join(('page.paper.capacity.', l_1_c, )), _loop_vars=_loop_vars)))
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield ' '
    l_1_loop = l_1_c = missing
    yield ' |\n\n## '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.checklist.title')))
    yield '\n\n| # | '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.paper.question')))
    yield ' | '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.paper.answer')))
    yield ' |\n| --- | --- | --- |\n'
    l_1_loop = missing
    for l_1_q, l_1_loop in LoopContext(environment.getattr(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'checklist'), 'questions'), undefined):
        l_1_scale = resolve('scale')
        _loop_vars = {}
        pass
        yield '| '
        yield str(environment.finalize(environment.getattr(l_1_loop, 'index')))
        yield ' | '
        yield str(environment.finalize(t_2(t_3(environment.getattr(l_1_q, 'question')))))
        yield ' | '
        l_2_loop = missing
        for l_2_a, l_2_loop in LoopContext(environment.getattr((undefined(name='scale') if l_1_scale is missing else l_1_scale), 'checklist_answers'), undefined):
            _loop_vars = {}
            pass
            yield '☐ '
            yield str(environment.finalize(t_3(environment.getattr(l_2_a, 'label'))))
            if (not environment.getattr(l_2_loop, 'last')):
                pass
                yield ' '
        l_2_loop = l_2_a = missing
        yield ' |\n'
    l_1_loop = l_1_q = l_1_scale = missing
    yield '\n'
    l_1_loop = missing
    for l_1_element, l_1_loop in LoopContext(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'elements'), undefined):
        _loop_vars = {}
        pass
        yield '## '
        yield str(environment.finalize(environment.getattr(l_1_element, 'order')))
        yield '. '
        yield str(environment.finalize(t_3(environment.getattr(l_1_element, 'title'))))
        yield ' { #paper-'
        yield str(environment.finalize(environment.getattr(l_1_element, 'id')))
        yield ' }\n\n'
        l_2_loop = missing
        for l_2_c, l_2_loop in LoopContext(environment.getattr(l_1_element, 'criteria'), undefined):
            l_2_scale = resolve('scale')
            _loop_vars = {}
            pass
            yield '### '
            yield str(environment.finalize(environment.getattr(l_1_element, 'order')))
            yield '.'
            yield str(environment.finalize(environment.getattr(l_2_loop, 'index')))
            yield ' '
            yield str(environment.finalize(t_3(environment.getattr(l_2_c, 'title'))))
            yield ' { #paper-'
            yield str(environment.finalize(environment.getattr(l_2_c, 'id')))
            yield ' }\n\n<p class="kmsat-statement">'
            yield str(environment.finalize(t_1(environment.getattr(l_2_c, 'statement'))))
            yield '</p>\n\n| '
            yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.paper.mark', _loop_vars=_loop_vars)))
            yield ' | '
            yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.element.level', _loop_vars=_loop_vars)))
            yield ' | '
            yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.element.looksLike', _loop_vars=_loop_vars)))
            yield ' |\n| --- | --- | --- |\n'
            for l_3_level in environment.getattr((undefined(name='scale') if l_2_scale is missing else l_2_scale), 'levels'):
                _loop_vars = {}
                pass
                yield '| ☐ | **'
                yield str(environment.finalize(environment.getattr(l_3_level, 'value')))
                yield ' '
                yield str(environment.finalize(t_3(environment.getattr(l_3_level, 'label'))))
                yield '** | '
                yield str(environment.finalize(t_2(environment.getitem(environment.getattr(l_2_c, 'levels'), environment.getattr(l_3_level, 'id')))))
                yield ' |\n'
            l_3_level = missing
            for l_3_option in environment.getattr((undefined(name='scale') if l_2_scale is missing else l_2_scale), 'unscored'):
                _loop_vars = {}
                pass
                yield '| ☐ | '
                yield str(environment.finalize(t_3(environment.getattr(l_3_option, 'label'))))
                yield ' | |\n'
            l_3_option = missing
            yield '\n'
            yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.paper.priority', _loop_vars=_loop_vars)))
            yield ' '
            l_3_loop = missing
            for l_3_p, l_3_loop in LoopContext(environment.getattr((undefined(name='scale') if l_2_scale is missing else l_2_scale), 'priorities'), undefined):
                _loop_vars = {}
                pass
                yield '☐ '
                yield str(environment.finalize(t_3(environment.getattr(l_3_p, 'label'))))
                if (not environment.getattr(l_3_loop, 'last')):
                    pass
                    yield ' '
            l_3_loop = l_3_p = missing
            yield '\n\n'
            yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.paper.notes', _loop_vars=_loop_vars)))
            yield '\n{: .kmsat-notes }\n\n'
        l_2_loop = l_2_c = l_2_scale = missing
    l_1_loop = l_1_element = missing
    yield '</div>\n\n<div id="kmsat-app" class="kmsat-app" data-kmsat-app></div>\n'

blocks = {}
debug_info = '2=40&6=42&8=44&12=46&14=48&16=50&18=52&21=56&22=60&24=64&26=77&28=79&30=84&31=89&34=107&35=111&37=118&38=123&40=131&42=133&44=139&45=143&47=150&48=154&51=158&54=171'