INSTALLED_APPS = ["django.contrib.admin", "hijack"]
DATABASE_URL = "postgresql+psycopg2://localhost/app"
