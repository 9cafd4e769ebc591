# onramp-path: shop/views.py
# Django's ORM in async views: queries that run right away block; lazy querysets and the a-methods do not.
from asgiref.sync import sync_to_async
from django.db import models
from django.http import JsonResponse


class Order(models.Model):
    total = models.IntegerField()


class BaseModel(models.Model):
    class Meta:
        abstract = True


class Invoice(BaseModel):
    number = models.CharField(max_length=20)


class Basket:
    objects = None


async def order_detail(request, pk: int) -> JsonResponse:
    order = Order.objects.get(pk=pk)  # ruleid: async/blocking-db
    count = Order.objects.filter(total__gt=0).count()  # ruleid: async/blocking-db
    first = Order.objects.filter(total__gt=0).first()  # ruleid: async/blocking-db
    Order.objects.create(total=1)  # ruleid: async/blocking-db
    Invoice.objects.get(number="1")  # ruleid: async/blocking-db
    return JsonResponse({"total": order.total, "count": count, "first": first.pk})


async def order_detail_async(request, pk: int) -> JsonResponse:
    order = await Order.objects.aget(pk=pk)  # ok: async/blocking-db
    count = await Order.objects.filter(total__gt=0).acount()  # ok: async/blocking-db
    lazy = Order.objects.filter(total__gt=0)  # ok: async/blocking-db
    also_lazy = Order.objects.all().order_by("-total")  # ok: async/blocking-db
    async for o in lazy:
        print(o)
    await Invoice.objects.acreate(number="2")  # ok: async/blocking-db
    other = await sync_to_async(Order.objects.get)(pk=pk)  # ok: async/blocking-db
    return JsonResponse({"total": order.total, "count": count, "n": other.pk, "q": str(also_lazy.query)})


async def not_a_model(basket: Basket) -> None:
    Basket.objects.get()  # ok: async/blocking-db


def order_total(pk: int) -> int:
    return Order.objects.get(pk=pk).total  # ok: async/blocking-db


def invoice_total(pk: int) -> int:
    return order_total(pk)


async def total_view(request, pk: int) -> JsonResponse:
    return JsonResponse({"total": invoice_total(pk)})  # ruleid: async/blocking-db
