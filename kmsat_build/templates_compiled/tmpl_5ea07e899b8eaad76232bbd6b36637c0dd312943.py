from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'checklist.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_t = resolve('t')
    l_0_checklist = resolve('checklist')
    try:
        t_1 = environment.filters['text']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'text' found.")
    try:
        t_2 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
    pass
    yield '---\ntitle: '
    yield str(environment.finalize(t_2(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.checklist.title'))))
    yield '\n---\n# '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.checklist.title')))
    yield '\n\n'
    yield str(environment.finalize(environment.getattr((undefined(name='checklist') if l_0_checklist is missing else l_0_checklist), 'intro')))
    yield '\n\n'
    l_1_loop = missing
    for l_1_q, l_1_loop in LoopContext(environment.getattr((undefined(name='checklist') if l_0_checklist is missing else l_0_checklist), 'questions'), undefined):
        _loop_vars = {}
        pass
        yield '## '
        yield str(environment.finalize(environment.getattr(l_1_loop, 'index')))
        yield '. '
        yield str(environment.finalize(t_1(environment.getattr(l_1_q, 'question'))))
        yield ' { #'
        yield str(environment.finalize(environment.getattr(l_1_q, 'id')))
        yield ' }\n\n'
        yield str(environment.finalize(environment.getattr(l_1_q, 'why')))
        yield '\n\n'
    l_1_loop = l_1_q = missing
    yield '---\n\n'
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.checklist.answerIt')))
    yield ' ['
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.assessment.title')))
    yield '](assessment.md)\n'

blocks = {}
debug_info = '2=26&4=28&6=30&8=33&9=37&11=43&16=47'