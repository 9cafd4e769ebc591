DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        # ok: local-setup/secret-in-file
        "USER": "shop",
        # ruleid: local-setup/secret-in-file
        "PASSWORD": "Mn5Bv4Cx3Za2",
    }
}
# ruleid: local-setup/secret-in-file severity=info
SECRET_KEY = "django-insecure-8k#2m!q9z$w7x%v6"
