from django.conf import settings
from django.db import models


class Product(models.Model):
    name = models.CharField(max_length=100)


class Order(models.Model):
    # ok: database/fk-to-unknown-model
    product = models.ForeignKey("shop.Product", on_delete=models.CASCADE)
    # ok: database/fk-to-unknown-model
    same_app = models.ForeignKey("Product", on_delete=models.PROTECT, related_name="+")
    # ruleid: database/fk-to-unknown-model
    typo = models.ForeignKey("shop.Prodct", on_delete=models.CASCADE, related_name="+")
    # ruleid: database/fk-to-unknown-model
    bare_typo = models.OneToOneField("Invoice", on_delete=models.CASCADE)
    # ok: database/fk-to-unknown-model
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    # ok: database/fk-to-unknown-model
    group = models.ForeignKey("auth.Group", on_delete=models.SET_NULL, null=True)
    # ok: database/fk-to-unknown-model
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True)
    # ok: database/fk-to-unknown-model
    product_class = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="+")
    # ok: database/fk-to-unknown-model
    path_objects = GenericArrayForeignKey("_path_decompiled")


class GenericArrayForeignKey:
    """A project's own generic relation: it names fields (content type and ids), not a model."""

    def __init__(self, field):
        self.field = field
