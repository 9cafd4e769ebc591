# onramp-path: shop/management/commands/import_products.py
def handle():
    # ok: logging/print-call
    print("Imported 10 products")
