import django  # a Django application: manage.py makes this root an application
