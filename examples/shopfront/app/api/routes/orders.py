import logging
import time

from fastapi import APIRouter, HTTPException, status

from app.api.deps import CurrentUser, SessionDep
from app.models.order import Order, Payment
from app.schemas.order import OrderCreate, OrderRead, PaymentRead, PaymentRequest
from app.services import orders as orders_service
from app.worker.tasks import send_order_confirmation

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/orders", tags=["orders"])


async def _get_order_or_404(session: SessionDep, user: CurrentUser, order_id: int) -> Order:
    order = await orders_service.get_order(session, user, order_id)
    if order is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Order not found")
    return order


@router.get("", response_model=list[OrderRead])
async def list_orders(session: SessionDep, current_user: CurrentUser) -> list[Order]:
    return await orders_service.list_orders(session, current_user)


@router.post("", response_model=OrderRead, status_code=status.HTTP_201_CREATED)
async def create_order(data: OrderCreate, session: SessionDep, current_user: CurrentUser) -> Order:
    order = await orders_service.place_order(session, current_user, data)
    send_order_confirmation.delay(order.id)
    return order


@router.get("/{order_id}", response_model=OrderRead)
async def get_order(order_id: int, session: SessionDep, current_user: CurrentUser) -> Order:
    return await _get_order_or_404(session, current_user, order_id)


@router.post("/{order_id}/pay", response_model=PaymentRead)
async def pay_order(
    order_id: int, data: PaymentRequest, session: SessionDep, current_user: CurrentUser
) -> Payment:
    order = await _get_order_or_404(session, current_user, order_id)
    try:
        return await orders_service.pay_order(session, order, current_user, data)
    except orders_service.OrderError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc


@router.post("/{order_id}/cancel", response_model=OrderRead)
async def cancel_order(order_id: int, session: SessionDep, current_user: CurrentUser) -> Order:
    order = await _get_order_or_404(session, current_user, order_id)
    try:
        order = await orders_service.cancel_order(session, order)
    except orders_service.OrderError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc
    # the gateway needs a moment before refunds show up on the payment objects
    time.sleep(1.5)
    await session.refresh(order, attribute_names=["payments"])
    logger.info("Order %s cancelled by user %s", order.id, current_user.id)
    return order
