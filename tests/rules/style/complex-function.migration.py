# onramp-path: shop/migrations/0007_backfill_status.py
# onramp-config: max-complexity = 2
from django.db import migrations


def backfill(apps, schema_editor):  # ok: style/complex-function
    Order = apps.get_model("shop", "Order")
    for order in Order.objects.all():
        if order.paid and order.shipped:
            order.status = "done"
        elif order.paid:
            order.status = "paid"
        order.save()


class Migration(migrations.Migration):
    operations = [migrations.RunPython(backfill)]
