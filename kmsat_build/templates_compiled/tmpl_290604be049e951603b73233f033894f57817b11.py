from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'letter.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_t = resolve('t')
    l_0_letter = resolve('letter')
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
    yield str(environment.finalize(t_3(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.letter.title'))))
    yield '\n---\n# '
    yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.letter.title')))
    yield '\n\n'
    if environment.getattr((undefined(name='letter') if l_0_letter is missing else l_0_letter), 'context'):
        pass
        yield '<div class="admonition note kmsat-letter-context" markdown>\n<p class="admonition-title">'
        yield str(environment.finalize(context.call((undefined(name='t') if l_0_t is missing else l_0_t), 'page.letter.contextHeading')))
        yield '</p>\n\n'
        yield str(environment.finalize(environment.getattr((undefined(name='letter') if l_0_letter is missing else l_0_letter), 'context')))
        yield '\n\n</div>\n\n'
    yield '<div class="kmsat-letter" markdown>\n\n'
    if environment.getattr((undefined(name='letter') if l_0_letter is missing else l_0_letter), 'address'):
        pass
        yield '<p class="kmsat-letter__address">'
        l_1_loop = missing
        for l_1_line, l_1_loop in LoopContext(environment.getattr((undefined(name='letter') if l_0_letter is missing else l_0_letter), 'address'), undefined):
            _loop_vars = {}
            pass
            yield str(environment.finalize(t_1(l_1_line)))
            if (not environment.getattr(l_1_loop, 'last')):
                pass
                yield '<br>'
        l_1_loop = l_1_line = missing
        yield '</p>\n'
    if environment.getattr((undefined(name='letter') if l_0_letter is missing else l_0_letter), 'email'):
        pass
        yield '<p class="kmsat-letter__email">'
        yield str(environment.finalize(t_1(environment.getattr((undefined(name='letter') if l_0_letter is missing else l_0_letter), 'email'))))
        yield '</p>\n'
    yield '\n'
    yield str(environment.finalize(environment.getattr((undefined(name='letter') if l_0_letter is missing else l_0_letter), 'salutation')))
    yield '\n\n**'
    yield str(environment.finalize(t_2(environment.getattr((undefined(name='letter') if l_0_letter is missing else l_0_letter), 'title'))))
    yield '**\n\n'
    yield str(environment.finalize(environment.getattr((undefined(name='letter') if l_0_letter is missing else l_0_letter), 'body')))
    yield '\n\n'
    yield str(environment.finalize(environment.getattr((undefined(name='letter') if l_0_letter is missing else l_0_letter), 'closing')))
    yield '\n\n<p class="kmsat-letter__signatory"><strong>'
    yield str(environment.finalize(t_1(environment.getattr(environment.getattr((undefined(name='letter') if l_0_letter is missing else l_0_letter), 'signatory'), 'name'))))
    yield '</strong>'
    if environment.getattr(environment.getattr((undefined(name='letter') if l_0_letter is missing else l_0_letter), 'signatory'), 'role'):
        pass
        yield '<br>'
        yield str(environment.finalize(t_1(environment.getattr(environment.getattr((undefined(name='letter') if l_0_letter is missing else l_0_letter), 'signatory'), 'role'))))
    yield '</p>\n\n</div>\n'

blocks = {}
debug_info = '2=32&4=34&6=36&8=39&10=41&17=44&18=48&20=57&21=60&24=63&26=65&28=67&30=69&32=71'