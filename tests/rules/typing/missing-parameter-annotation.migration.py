# onramp-path: shop/migrations/0002_backfill_totals.py
from django.db import migrations


def backfill(apps, schema_editor):  # ok: typing/missing-parameter-annotation
    Order = apps.get_model("shop", "Order")
    Order.objects.update(total=0)


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]
    operations = [migrations.RunPython(backfill)]
