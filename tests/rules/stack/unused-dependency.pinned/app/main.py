import jinja2

TEMPLATE = jinja2.Template("{{ x }}")
