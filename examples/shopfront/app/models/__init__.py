from app.core.db import Base
from app.models.order import Order, OrderStatus, Payment, PaymentStatus
from app.models.user import User

__all__ = ["Base", "Order", "OrderStatus", "Payment", "PaymentStatus", "User"]
