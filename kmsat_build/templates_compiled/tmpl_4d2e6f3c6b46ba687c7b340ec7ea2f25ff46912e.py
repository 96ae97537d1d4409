from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'guide.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_guide = resolve('guide')
    l_0_about = resolve('about')
    l_0_t = resolve('t')
    l_0_fw = resolve('fw')
    l_0_contact_html = resolve('contact_html')
    try:
        t_1 = environment.filters['h']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'h' found.")
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
    yield str(environment.finalize(t_3(t_2(environment.getattr((undefined(name='guide') if l_0_guide is missing else l_0_guide), 'title')))))
    yield '\n---\n# '
    yield str(environment.finalize(t_2(environment.getattr((undefined(name='guide') if l_0_guide is missing else l_0_guide), 'title'))))
    yield '\n\n'
    yield str(environment.finalize(environment.getattr((undefined(name='guide') if l_0_guide is missing else l_0_guide), 'intro')))
    yield '\n\n'
    for l_1_section in environment.getattr((undefined(name='guide') if l_0_guide is missing else l_0_guide), 'sections'):
        _loop_vars = {}
        pass
        yield '## '
        yield str(environment.finalize(t_2(environment.getattr(l_1_section, 'heading'))))
        yield '\n\n'
        yield str(environment.finalize(environment.getattr(l_1_section, 'body')))
        yield '\n\n'
    l_1_section = missing
    if (undefined(name='about') if l_0_about is missing else l_0_about):
        pass
        yield '## '
        yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.about.publisher.heading')))
        yield '\n\n'
        yield str(environment.finalize(environment.getattr(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'edition'), 'description')))
        yield '\n\n<p>'
        yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.about.publisher', publisher=environment.getattr(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'edition'), 'publisher'))))
        yield '</p>\n\n<p><strong>'
        yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.about.contact')))
        yield ':</strong> '
        yield str(environment.finalize((undefined(name='contact_html') if l_0_contact_html is missing else l_0_contact_html)))
        yield '</p>\n\n<p><strong>'
        yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.about.licence')))
        yield ':</strong> '
        yield str(environment.finalize(t_1(environment.getattr(environment.getattr((undefined(name='fw') if l_0_fw is missing else l_0_fw), 'edition'), 'licence'))))
        yield '</p>\n\n'

blocks = {}
debug_info = '2=35&4=37&6=39&8=41&9=45&11=47&14=50&16=53&18=55&20=57&22=59&24=63'